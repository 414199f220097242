import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { defaultFontsDir, FONT_FILES } from '../documents/fonts/faces';

export interface ReportEntry {
  seq: number;
  at: string;
  stationId: string;
  actor: string | null;
  type: string;
  summary: string;
}

export interface ReportStill {
  caption: string;
  jpeg: Uint8Array;
}

export interface EvidenceReport {
  orderNumber: string;
  customerName: string;
  status: string;
  createdAt: string;
  stations: string[];
  packers: string[];
  firstAt: string | null;
  lastAt: string | null;
  entries: ReportEntry[];
  clips: { file: string; startedAt: string; endedAt: string | null; sha256: string | null; note: string | null }[];
  stills: ReportStill[];
  stillsNote: string | null;
  labels: string[];
  checkpoint: { seq: number; at: string; hash: string };
  keyFingerprint: string;
}

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
  private newPage(): PDFPage {
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
  image(jpeg: Awaited<ReturnType<PDFDocument['embedJpg']>>, caption: string): void {
    const width = 240;
    const height = (jpeg.height / jpeg.width) * width;
    this.room(height + 16);
    this.y -= height;
    this.page.drawImage(jpeg, { x: MARGIN, y: this.y, width, height });
    this.line(caption, { size: 8, gap: 6 });
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

/** The human-readable part of an evidence package; the JSON files beside it are what proves it. */
export async function renderEvidenceReport(report: EvidenceReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = defaultFontsDir();
  const regular = await doc.embedFont(fs.readFileSync(path.join(fonts, FONT_FILES.regular)), { subset: true });
  const bold = await doc.embedFont(fs.readFileSync(path.join(fonts, FONT_FILES.bold)), { subset: true });
  doc.setTitle(`Evidence: order ${report.orderNumber}`);
  doc.setCreator('Packdesk');
  // A fixed date keeps the report's bytes a function of its contents.
  doc.setCreationDate(new Date(report.checkpoint.at));
  doc.setModificationDate(new Date(report.checkpoint.at));
  const w = new Writer(doc, regular, bold);

  w.line(`Packing evidence — order ${report.orderNumber}`, { size: 16, bold: true, gap: 6 });
  w.line(`Customer: ${report.customerName}    Status: ${report.status}    Ordered: ${report.createdAt}`);
  w.line(`Packed at: ${report.stations.join(', ') || '—'}    Packer(s): ${report.packers.join(', ') || '—'}`);
  w.line(`First entry: ${report.firstAt ?? '—'}    Last entry: ${report.lastAt ?? '—'}`, { gap: 8 });

  w.line('Journal entries of this order', { size: 12, bold: true, gap: 2 });
  for (const e of report.entries) {
    w.line(`#${e.seq}  ${e.at}  ${e.stationId}  ${e.actor ?? 'station'}  ${e.type}`, { bold: true });
    if (e.summary) w.line(e.summary, { x: 14 });
  }
  w.y -= 8;
  w.line('Video', { size: 12, bold: true, gap: 2 });
  if (report.clips.length === 0) w.line('No clip was recorded for this order.');
  for (const c of report.clips) {
    w.line(`${c.file}: ${c.startedAt} – ${c.endedAt ?? 'open'}`);
    w.line(`SHA-256 ${c.sha256 ?? '—'}${c.note ? ` (${c.note})` : ''}`, { x: 14, size: 8 });
  }
  if (report.stillsNote) w.line(report.stillsNote);
  for (const still of report.stills) w.image(await doc.embedJpg(still.jpeg), still.caption);
  w.y -= 8;
  w.line('Labels', { size: 12, bold: true, gap: 2 });
  w.line(report.labels.length > 0 ? `In this package: ${report.labels.join(', ')}` : 'No label of this order is archived at this station.');
  w.y -= 8;
  w.line('Proof', { size: 12, bold: true, gap: 2 });
  w.line(
    `Every entry above is part of the station's hash chain. journal/chain.json holds the entries from the order's first entry up to entry ` +
      `${report.checkpoint.seq}, which the station signed at ${report.checkpoint.at} (hash ${report.checkpoint.hash}). ` +
      `The station key's fingerprint is ${report.keyFingerprint}. Check this package with: packdesk evidence verify <file.zip>.`,
  );
  return doc.save({ useObjectStreams: false });
}
