import path from 'node:path';
import type { Clock, Store } from '../app/ports';
import type { DocumentArchive } from '../app/ports/documents';
import type { JournalRow, JournalRows, StationKey } from '../app/ports/journal';
import type { VideoRepository } from '../app/ports/video';
import type { StationJournal } from '../journal/journal';
import { buildChainProof } from '../journal/evidence/proof';
import { keyFingerprint, MANIFEST_FILE, manifestMessage, sha256Hex, sha256OfFile, SIGNATURE_FILE, type EvidenceManifest } from './manifest';
import { renderEvidenceReport, type ReportStill } from './report';
import { extractStill, ffmpegAvailable } from './stills';
import { summarise } from './summary';
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
}

/** Entries whose moment is worth a still: the scans that judged an item, overrides, weighing, completion. */
const KEY_TYPES = new Set(['pack.scan', 'pack.override', 'pack.weighed', 'pack.completed']);
const MAX_STILLS = 8;

export class EvidenceError extends Error {
  override name = 'EvidenceError';
}

/**
 * Writes the evidence package of one order to `outFile` as a ZIP: report, clips, stills, labels,
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
  const names = new Map<number, string | null>();
  const nameOf = (id: number | null) => {
    if (id === null) return null;
    if (!names.has(id)) names.set(id, store.users.byId(id)?.name ?? `#${id}`);
    return names.get(id) ?? null;
  };

  const clips = segments.forOrder(order.number).filter((s) => s.kind === 'webcam' && s.path && s.status === 'closed');
  const clipNotes: { file: string; startedAt: string; endedAt: string | null; sha256: string | null; note: string | null }[] = [];
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
    clipNotes.push({ file: name, startedAt: clip.startedAt, endedAt: clip.endedAt, sha256: clip.sha256, note });
    if (!canStill || note) continue;
    const start = Date.parse(clip.startedAt);
    const end = Date.parse(clip.endedAt ?? clip.startedAt);
    for (const entry of entries) {
      const at = Date.parse(entry.at);
      if (stills.length >= MAX_STILLS || !KEY_TYPES.has(entry.type) || at < start || at > end) continue;
      const jpeg = extractStill(file, (at - start) / 1000);
      if (!jpeg) continue;
      stills.push({ caption: `Entry #${entry.seq} ${entry.type} at ${entry.at}`, jpeg });
      addBytes(`stills/entry-${entry.seq}.jpg`, jpeg);
    }
  }
  const labels: string[] = [];
  for (const doc of sources.archive?.forOrder(order.number) ?? []) {
    if (doc.kind !== 'label' && doc.kind !== 'carrier_label') continue;
    const name = `label/${path.posix.basename(doc.path)}`;
    addBytes(name, sources.archive!.read(doc.id));
    labels.push(name);
  }

  const actors = [
    ...new Set(
      entries
        .filter((e) => e.type.startsWith('pack.'))
        .map((e) => nameOf(e.actorId))
        .filter((n): n is string => !!n),
    ),
  ];
  const report = await renderEvidenceReport({
    orderNumber: order.number,
    customerName: order.customerName,
    status: order.status,
    createdAt: order.createdAt,
    stations: [...new Set(entries.map((e) => e.stationId))],
    packers: actors,
    firstAt: entries[0]?.at ?? null,
    lastAt: entries.at(-1)?.at ?? null,
    entries: entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      stationId: e.stationId,
      actor: nameOf(e.actorId),
      type: e.type,
      summary: summarise(e.type, JSON.parse(e.payload) as Record<string, unknown>),
    })),
    clips: clipNotes,
    stills,
    stillsNote: clips.length === 0 ? null : canStill ? null : 'Stills were not extracted: ffmpeg is not installed at this station.',
    labels,
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

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
