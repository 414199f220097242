import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ParcelContents } from '../domain/packing';
import { formatGrams } from '../domain/journal-text';
import type { Language } from '../domain/user';
import { defaultFontsDir, FONT_FILES } from '../documents/fonts/faces';

/** One journal entry as the report says it: when, where, who, and the entry in words (src/domain/journal-text). */
export interface ReportEntry {
  seq: number;
  at: string;
  stationId: string;
  actor: string | null;
  /** The type in words. */
  what: string;
  /** The entry as a sentence. */
  text: string;
}

export interface ReportStill {
  caption: string;
  jpeg: Uint8Array;
}

/** A document as it was printed: a PDF's first page is drawn into the report; others are named. */
export interface ReportDocument {
  /** In words ("shipping label, parcel 1"). */
  title: string;
  file: string;
  pdf: Uint8Array | null;
}

export interface EvidenceReport {
  language: Language;
  orderNumber: string;
  customerName: string;
  /** In words. */
  status: string;
  createdAt: string;
  stations: string[];
  packers: string[];
  openedAt: string | null;
  completedAt: string | null;
  parcels: ParcelContents[];
  overrides: { at: string; manager: string; text: string }[];
  entries: ReportEntry[];
  /** `returnNumber`: the return the returns desk recorded the clip for; null for the packing clip. */
  clips: { file: string; returnNumber?: string | null; startedAt: string; endedAt: string | null; sha256: string | null; note: string | null }[];
  stills: ReportStill[];
  stillsNote: string | null;
  documents: ReportDocument[];
  checkpoint: { seq: number; at: string; hash: string };
  keyFingerprint: string;
}

const WORDS = {
  en: {
    title: (order: string) => `Packing evidence — order ${order}`,
    intro:
      'This report says, in words, how the order was packed, as the packing station recorded it at the time. The journal entries ' +
      'and their proof are in the same package; they, not this text, are what proves it.',
    order: 'The order',
    customer: 'Customer',
    status: 'Status',
    ordered: 'Ordered',
    packing: 'Packing',
    packers: 'Packed by',
    stations: 'At station',
    opened: 'Opened',
    completed: 'Completed',
    notCompleted: 'not completed',
    parcels: 'What went into each parcel',
    parcel: (no: number) => `Parcel ${no}`,
    box: (code: string | null) => (code ? `box ${code}` : 'no box chosen'),
    weighed: 'weighed on the scale',
    typed: 'weight typed by hand',
    notWeighed: 'not weighed',
    expected: 'expected from the items and the box',
    serials: 'serial numbers',
    lots: 'lots',
    nothing: 'Nothing was packed.',
    overrides: 'Manager’s approvals',
    noOverrides: 'No manager approved anything out of the ordinary for this order.',
    steps: 'Every step, in order',
    station: 'the station',
    video: 'Video',
    packingClip: 'Packing',
    returnClip: 'Returns desk, return',
    noClip: 'No clip was recorded for this order.',
    stills: 'Moments from the video',
    documents: 'The label and the packing slip as printed',
    noDocuments: 'No label or packing slip of this order is kept at this station.',
    notPdf: 'printed in the label printer’s own language; the file is in the package',
    proof: 'Proof',
    proofText: (seq: number, at: string, hash: string, fingerprint: string) =>
      `Every step above is an entry of the station's hash-chained journal. journal/entries.json and journal/chain.json hold them and ` +
      `the chain from the order's first entry up to entry ${seq}, which the station signed at ${at} (hash ${hash}). The station key's ` +
      `fingerprint is ${fingerprint}. Anyone can check the package with: packdesk evidence verify <file.zip>.`,
  },
  pl: {
    title: (order: string) => `Dowód pakowania — zamówienie ${order}`,
    intro:
      'Ten raport opisuje słowami, jak zamówienie zostało spakowane, tak jak stanowisko pakowania zapisało to w chwili pakowania. ' +
      'Wpisy dziennika i ich dowód są w tym samym pakiecie; to one, a nie ten tekst, są dowodem.',
    order: 'Zamówienie',
    customer: 'Klient',
    status: 'Stan',
    ordered: 'Złożone',
    packing: 'Pakowanie',
    packers: 'Pakował(a)',
    stations: 'Na stanowisku',
    opened: 'Otwarte',
    completed: 'Zakończone',
    notCompleted: 'niezakończone',
    parcels: 'Co trafiło do każdej paczki',
    parcel: (no: number) => `Paczka ${no}`,
    box: (code: string | null) => (code ? `karton ${code}` : 'bez wybranego kartonu'),
    weighed: 'zważona na wadze',
    typed: 'waga wpisana ręcznie',
    notWeighed: 'nie zważono',
    expected: 'oczekiwano z towarów i kartonu',
    serials: 'numery seryjne',
    lots: 'partie',
    nothing: 'Nic nie spakowano.',
    overrides: 'Zgody kierownika',
    noOverrides: 'Kierownik nie zatwierdzał przy tym zamówieniu niczego nietypowego.',
    steps: 'Każdy krok po kolei',
    station: 'stanowisko',
    video: 'Nagranie',
    packingClip: 'Pakowanie',
    returnClip: 'Stanowisko zwrotów, zwrot',
    noClip: 'Nie nagrano tego zamówienia.',
    stills: 'Kadry z nagrania',
    documents: 'Etykieta i dokument do paczki tak, jak zostały wydrukowane',
    noDocuments: 'To stanowisko nie przechowuje etykiety ani dokumentu do paczki tego zamówienia.',
    notPdf: 'wydrukowane w języku drukarki etykiet; plik jest w pakiecie',
    proof: 'Dowód',
    proofText: (seq: number, at: string, hash: string, fingerprint: string) =>
      `Każdy krok powyżej jest wpisem w dzienniku stanowiska, połączonym łańcuchem skrótów. Pliki journal/entries.json i journal/chain.json ` +
      `zawierają te wpisy oraz łańcuch od pierwszego wpisu zamówienia do wpisu ${seq}, podpisanego przez stanowisko ${at} (skrót ${hash}). ` +
      `Odcisk klucza stanowiska: ${fingerprint}. Każdy może sprawdzić pakiet poleceniem: packdesk evidence verify <plik.zip>.`,
  },
} as const;

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 42;

/** A page flow: text lines top to bottom, a new page when the current one is full. */
class Writer {
  page: PDFPage;
  y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = this.newPage();
  }
  newPage(): PDFPage {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
    return this.page;
  }
  room(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
  }
  line(text: string, options: { size?: number; bold?: boolean; x?: number; gap?: number } = {}): void {
    const size = options.size ?? 9;
    const font = options.bold ? this.bold : this.regular;
    const width = A4.width - MARGIN * 2 - (options.x ?? 0);
    for (const part of wrap(font, text, size, width)) {
      this.room(size + 3);
      this.y -= size + 3;
      this.page.drawText(part, { x: MARGIN + (options.x ?? 0), y: this.y, size, font, color: rgb(0, 0, 0) });
    }
    this.y -= options.gap ?? 0;
  }
  heading(text: string): void {
    this.y -= 8;
    this.room(40);
    this.line(text, { size: 12, bold: true, gap: 2 });
  }
  image(jpeg: Awaited<ReturnType<PDFDocument['embedJpg']>>, caption: string): void {
    const width = 240;
    const height = (jpeg.height / jpeg.width) * width;
    this.room(height + 16);
    this.y -= height;
    this.page.drawImage(jpeg, { x: MARGIN, y: this.y, width, height });
    this.line(caption, { size: 8, gap: 6 });
  }
  /** A printed page drawn as it was, scaled to fit the width left, with a frame. */
  embedded(page: Awaited<ReturnType<PDFDocument['embedPdf']>>[number], caption: string): void {
    const maxWidth = A4.width - MARGIN * 2;
    const maxHeight = A4.height - MARGIN * 2 - 30;
    const scale = Math.min(maxWidth / page.width, maxHeight / page.height, 1);
    const width = page.width * scale;
    const height = page.height * scale;
    this.room(height + 20);
    this.line(caption, { size: 9, bold: true, gap: 2 });
    this.y -= height;
    this.page.drawPage(page, { x: MARGIN, y: this.y, width, height });
    this.page.drawRectangle({ x: MARGIN, y: this.y, width, height, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
    this.y -= 8;
  }
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  lines.push(current);
  return lines;
}

/** A time as the reader writes it, in UTC so the report says the same on any machine. */
function when(iso: string | null, language: Language): string {
  if (!iso) return '—';
  return `${new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
}

/**
 * The evidence report a customer or a carrier can read, in the manager's language: the order, who
 * packed it where and when, what went into each parcel with its weight, the manager's approvals,
 * every step in words, stills, and the label and slip as printed. The JSON beside it proves it.
 */
export async function renderEvidenceReport(report: EvidenceReport): Promise<Uint8Array> {
  const w$ = WORDS[report.language];
  const lang = report.language;
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = defaultFontsDir();
  const regular = await doc.embedFont(fs.readFileSync(path.join(fonts, FONT_FILES.regular)), { subset: true });
  const bold = await doc.embedFont(fs.readFileSync(path.join(fonts, FONT_FILES.bold)), { subset: true });
  doc.setTitle(w$.title(report.orderNumber));
  doc.setLanguage(lang);
  doc.setCreator('Packdesk');
  // A fixed date keeps the report's bytes a function of its contents.
  doc.setCreationDate(new Date(report.checkpoint.at));
  doc.setModificationDate(new Date(report.checkpoint.at));
  const w = new Writer(doc, regular, bold);

  w.line(w$.title(report.orderNumber), { size: 16, bold: true, gap: 4 });
  w.line(w$.intro, { size: 8, gap: 6 });
  w.heading(w$.order);
  w.line(`${w$.customer}: ${report.customerName}`);
  w.line(`${w$.status}: ${report.status}`);
  w.line(`${w$.ordered}: ${when(report.createdAt, lang)}`);
  w.heading(w$.packing);
  w.line(`${w$.packers}: ${report.packers.join(', ') || '—'}`);
  w.line(`${w$.stations}: ${report.stations.join(', ') || '—'}`);
  w.line(`${w$.opened}: ${when(report.openedAt, lang)}`);
  w.line(`${w$.completed}: ${report.completedAt ? when(report.completedAt, lang) : w$.notCompleted}`);

  w.heading(w$.parcels);
  if (report.parcels.length === 0) w.line(w$.nothing);
  for (const parcel of report.parcels) {
    const weight =
      parcel.weightGrams === null ? w$.notWeighed : `${formatGrams(parcel.weightGrams, lang)}, ${parcel.weightSource === 'scale' ? w$.weighed : w$.typed}`;
    w.line(`${w$.parcel(parcel.no)}: ${w$.box(parcel.boxCode)}; ${weight}; ${w$.expected} ${formatGrams(parcel.expectedGrams, lang)}`, {
      bold: true,
    });
    if (parcel.items.length === 0) w.line(w$.nothing, { x: 14 });
    for (const item of parcel.items) {
      const extra = [
        item.serials.length > 0 ? `${w$.serials} ${item.serials.join(', ')}` : '',
        item.lots.length > 0 ? `${w$.lots} ${item.lots.join(', ')}` : '',
      ].filter(Boolean);
      w.line(`${item.count} × ${item.name} (${item.sku})${extra.length > 0 ? ` — ${extra.join('; ')}` : ''}`, { x: 14 });
    }
  }

  w.heading(w$.overrides);
  if (report.overrides.length === 0) w.line(w$.noOverrides);
  for (const o of report.overrides) w.line(`${when(o.at, lang)} — ${o.text}`);

  w.heading(w$.steps);
  for (const e of report.entries) {
    w.line(`${when(e.at, lang)} · ${e.stationId} · ${e.actor ?? w$.station} · ${e.what}`, { bold: true, size: 8 });
    w.line(`${e.text} (#${e.seq})`, { x: 14, size: 9 });
  }

  w.heading(w$.video);
  if (report.clips.length === 0) w.line(w$.noClip);
  for (const c of report.clips) {
    const whose = c.returnNumber ? `${w$.returnClip} ${c.returnNumber}` : w$.packingClip;
    w.line(`${whose}: ${c.file}: ${when(c.startedAt, lang)} – ${when(c.endedAt, lang)}`);
    w.line(`SHA-256 ${c.sha256 ?? '—'}${c.note ? ` (${c.note})` : ''}`, { x: 14, size: 8 });
  }
  if (report.stillsNote) w.line(report.stillsNote);
  if (report.stills.length > 0) w.line(w$.stills, { bold: true });
  for (const still of report.stills) w.image(await doc.embedJpg(still.jpeg), still.caption);

  w.heading(w$.documents);
  if (report.documents.length === 0) w.line(w$.noDocuments);
  for (const d of report.documents) {
    if (!d.pdf) {
      w.line(`${d.title}: ${w$.notPdf} (${d.file})`);
      continue;
    }
    const printed = await PDFDocument.load(d.pdf);
    const [page] = await doc.embedPdf(printed, [0]);
    w.embedded(page!, d.title);
  }

  w.heading(w$.proof);
  w.line(w$.proofText(report.checkpoint.seq, when(report.checkpoint.at, lang), report.checkpoint.hash, report.keyFingerprint), { size: 8 });
  return doc.save({ useObjectStreams: false });
}
