import path from 'node:path';
import type { Clock, Store } from '../app/ports';
import type { DocumentArchive } from '../app/ports/documents';
import type { JournalRow, JournalRows, StationKey } from '../app/ports/journal';
import type { VideoRepository } from '../app/ports/video';
import type { StationJournal } from '../journal/journal';
import { buildChainProof } from '../journal/evidence/proof';
import { keyFingerprint, MANIFEST_FILE, manifestMessage, RETURNS_FOLDER, sha256Hex, sha256OfFile, SIGNATURE_FILE, type EvidenceManifest } from './manifest';
import { renderEvidenceReport, type ReportDocument, type ReportStill } from './report';
import { extractStill, ffmpegAvailable } from './stills';
import { describeEntry, documentName, entryTypeName, orderStatusText } from '../domain/journal-text';
import { parcelContents } from '../domain/packing';
import type { Language } from '../domain/user';
import type { ReviewLookups } from '../app/ports/video';
import type { PhotoFiles, ReturnsRepository } from '../app/ports/returns';
import { CHAIN_FILE, ENTRIES_FILE } from './verify';
import { writeZipFile, type ZipInput } from './zip';
import fs from 'node:fs';

export interface EvidenceSources {
  dataDir: string;
  store: Store;
  rows: JournalRows;
  journal: StationJournal;
  key: StationKey;
  segments: VideoRepository;
  archive: DocumentArchive | null;
  clock: Clock;
  /** Stills need ffmpeg; false leaves them out (tests that do not need them run faster). */
  stills?: boolean;
  /** The report's language: the manager's who asked for it (English when not said). */
  language?: Language;
  /** The order's packing session, for what went into each parcel; without it the report lists the steps only. */
  lookups?: Pick<ReviewLookups, 'packedState'>;
  /** The returns desk's records and photo files: a returned order's package then holds each return's photos. */
  returns?: { repository: Pick<ReturnsRepository, 'forOrder' | 'photos'>; photos: Pick<PhotoFiles, 'read'> };
}

/** Entries whose moment is worth a still: the scans that judged an item, overrides, weighing, completion; at the returns desk each item scanned and graded. */
const KEY_TYPES = new Set(['pack.scan', 'pack.override', 'pack.weighed', 'pack.completed', 'returns.item.scanned', 'returns.item.graded']);
const MAX_STILLS = 8;

export class EvidenceError extends Error {
  override name = 'EvidenceError';
}

/**
 * Writes the evidence package of one order to `outFile` as a ZIP: report, clips (packing and the
 * returns desk's), stills, labels,
 * journal, chain proof, signed manifest. Clips stream from disk into the archive, never whole into memory.
 */
export async function buildEvidencePackage(
  sources: EvidenceSources,
  orderNumber: string,
  outFile: string,
): Promise<{ manifest: EvidenceManifest; files: number; bytes: number }> {
  const { store, rows, journal, key, segments, clock } = sources;
  const order = store.orders.byNumber(orderNumber);
  if (!order) throw new EvidenceError(`There is no order ${orderNumber} in this station's database.`);
  const entries: JournalRow[] = rows.bySubject('order', order.number);
  if (entries.length === 0) throw new EvidenceError(`The journal has no entries about order ${order.number}.`);
  // Signed now, so the proof reaches the newest entry instead of stopping at the last periodic checkpoint.
  const checkpoint = journal.checkpoint();
  if (!checkpoint) throw new EvidenceError('The journal is empty.');
  const proof = buildChainProof(rows, entries[0]!.seq, checkpoint);

  const files: ZipInput[] = [];
  /** Each file's SHA-256 for the manifest: a clip's from the check against its entry, the rest's from their bytes. */
  const sums = new Map<string, string>();
  const addBytes = (name: string, bytes: Uint8Array) => {
    files.push({ name, bytes });
    sums.set(name, sha256Hex(bytes));
  };
  const language = sources.language ?? 'en';
  const names = new Map<number, string | null>();
  const nameOf = (id: number | null) => {
    if (id === null) return null;
    if (!names.has(id)) names.set(id, store.users.byId(id)?.name ?? `#${id}`);
    return names.get(id) ?? null;
  };
  const textContext = {
    userName: (id: number) => nameOf(id),
    productName: (ref: { sku?: string; productId?: number }) =>
      (ref.sku !== undefined ? store.catalog.productBySku(ref.sku) : ref.productId !== undefined ? store.catalog.productById(ref.productId) : null)?.name ??
      null,
  };
  const said = entries.map((row) => {
    const entry = {
      type: row.type,
      payload: JSON.parse(row.payload) as Record<string, unknown>,
      subject: row.subjectKind ? { kind: row.subjectKind, id: row.subjectId ?? '' } : null,
    };
    return { row, what: entryTypeName(row.type, language), text: describeEntry(entry, language, textContext) };
  });

  const clips = segments.forOrder(order.number).filter((s) => s.kind === 'webcam' && s.path && s.status === 'closed');
  const clipNotes: { file: string; returnNumber: string | null; startedAt: string; endedAt: string | null; sha256: string | null; note: string | null }[] = [];
  const stills: ReportStill[] = [];
  const canStill = (sources.stills ?? true) && clips.length > 0 && ffmpegAvailable();
  for (const clip of clips) {
    const file = path.join(sources.dataDir, clip.path!);
    const sum = fs.existsSync(file) ? await sha256OfFile(file) : null;
    const name = `video/${path.posix.basename(clip.path!)}`;
    let note: string | null = null;
    if (!sum) note = 'the file is no longer on disk';
    else if (sum !== clip.sha256) note = 'the file on disk no longer matches its recorded hash; not included';
    else {
      files.push({ name, file });
      sums.set(name, sum);
    }
    clipNotes.push({ file: name, returnNumber: clip.returnNumber, startedAt: clip.startedAt, endedAt: clip.endedAt, sha256: clip.sha256, note });
    if (!canStill || note) continue;
    const start = Date.parse(clip.startedAt);
    const end = Date.parse(clip.endedAt ?? clip.startedAt);
    for (const entry of entries) {
      const at = Date.parse(entry.at);
      if (stills.length >= MAX_STILLS || !KEY_TYPES.has(entry.type) || at < start || at > end) continue;
      const jpeg = extractStill(file, (at - start) / 1000);
      if (!jpeg) continue;
      const words = said.find((s) => s.row.seq === entry.seq)!;
      stills.push({ caption: `#${entry.seq} ${entry.at} — ${words.text}`, jpeg });
      addBytes(`stills/entry-${entry.seq}.jpg`, jpeg);
    }
  }
  // The label(s) and the packing slip as printed: into the package, and a PDF's page into the report.
  const documents: ReportDocument[] = [];
  for (const doc of sources.archive?.forOrder(order.number) ?? []) {
    if (doc.kind !== 'label' && doc.kind !== 'carrier_label' && doc.kind !== 'packing_slip') continue;
    const name = `${doc.kind === 'packing_slip' ? 'slip' : 'label'}/${path.posix.basename(doc.path)}`;
    const bytes = sources.archive!.read(doc.id);
    addBytes(name, bytes);
    const parcel = doc.parcelIndex !== null && doc.parcelIndex !== undefined ? `, ${language === 'pl' ? 'paczka' : 'parcel'} ${doc.parcelIndex}` : '';
    documents.push({ title: `${documentName(doc.kind, language)}${parcel}`, file: name, pdf: doc.format === 'pdf' ? bytes : null });
  }
  documents.push(...returnPhotos(sources, order.id, language, addBytes));
  const packed = sources.lookups?.packedState(order.number) ?? null;

  const actors = [
    ...new Set(
      entries
        .filter((e) => e.type.startsWith('pack.'))
        .map((e) => nameOf(e.actorId))
        .filter((n): n is string => !!n),
    ),
  ];
  const report = await renderEvidenceReport({
    language,
    orderNumber: order.number,
    customerName: order.customerName,
    status: orderStatusText(order.status, language),
    createdAt: order.createdAt,
    stations: [...new Set(entries.filter((e) => e.type.startsWith('pack.')).map((e) => e.stationId))],
    packers: actors,
    openedAt: entries.find((e) => e.type === 'pack.opened')?.at ?? packed?.openedAt ?? null,
    completedAt: entries.findLast((e) => e.type === 'pack.completed')?.at ?? null,
    parcels: packed ? parcelContents(packed.state) : [],
    overrides: said.filter((s) => s.row.type === 'pack.override').map((s) => ({ at: s.row.at, manager: nameOf(s.row.actorId) ?? '', text: s.text })),
    entries: said.map(({ row, what, text }) => ({ seq: row.seq, at: row.at, stationId: row.stationId, actor: nameOf(row.actorId), what, text })),
    clips: clipNotes,
    stills,
    stillsNote:
      clips.length === 0 || canStill
        ? null
        : language === 'pl'
          ? 'Kadrów nie wyodrębniono: na tym stanowisku nie ma programu ffmpeg.'
          : 'Stills were not extracted: ffmpeg is not installed at this station.',
    documents,
    checkpoint: { seq: checkpoint.seq, at: checkpoint.at, hash: checkpoint.hash },
    keyFingerprint: keyFingerprint(key.publicKey),
  });
  files.unshift({ name: 'report.pdf', bytes: report });
  sums.set('report.pdf', sha256Hex(report));
  addBytes(ENTRIES_FILE, json(entries));
  addBytes(CHAIN_FILE, json(proof));
  addBytes('station-key.txt', Buffer.from(`Ed25519 public key (SPKI DER, base64)\n${key.publicKey}\nfingerprint ${keyFingerprint(key.publicKey)}\n`));

  const manifest: EvidenceManifest = {
    format: 'packdesk-evidence/1',
    orderNumber: order.number,
    stationId: entries.at(-1)!.stationId,
    createdAt: clock.now().toISOString(),
    publicKey: key.publicKey,
    files: Object.fromEntries(files.map((f) => [f.name, sums.get(f.name)!])),
  };
  const manifestBytes = json(manifest);
  files.push({ name: MANIFEST_FILE, bytes: manifestBytes });
  files.push({ name: SIGNATURE_FILE, bytes: Buffer.from(key.sign(manifestMessage(manifestBytes))) });
  const bytes = await writeZipFile(files, outFile);
  return { manifest, files: files.length, bytes };
}

/**
 * Each photo the returns desk took of the order's returns, as taken: the verifier checks it against
 * the hash its returns.photo entry recorded. One that is gone or changed on disk is named in the
 * report, never packed.
 */
function returnPhotos(sources: EvidenceSources, orderId: number, language: Language, add: (name: string, bytes: Uint8Array) => void): ReportDocument[] {
  const listed: ReportDocument[] = [];
  if (!sources.returns) return listed;
  const { repository, photos } = sources.returns;
  for (const record of repository.forOrder(orderId)) {
    for (const photo of repository.photos({ returnId: record.id })) {
      const name = `${RETURNS_FOLDER}${record.number}/photo-${photo.id}.${photo.mimeType === 'image/png' ? 'png' : 'jpg'}`;
      const bytes = photos.read(photo.path);
      const title = `${language === 'pl' ? 'Zwrot' : 'Return'} ${record.number}, ${language === 'pl' ? 'zdjęcie' : 'photo'} ${photo.id}`;
      if (bytes && sha256Hex(bytes) === photo.sha256) {
        add(name, bytes);
        listed.push({ title, file: name, pdf: null });
      } else {
        const why = !bytes
          ? language === 'pl'
            ? 'pliku nie ma już na dysku'
            : 'the file is no longer on disk'
          : language === 'pl'
            ? 'plik na dysku nie zgadza się z zapisanym skrótem; nie dołączono'
            : 'the file on disk no longer matches its recorded hash; not included';
        listed.push({ title: `${title}: ${why}`, file: name, pdf: null });
      }
    }
  }
  return listed;
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
