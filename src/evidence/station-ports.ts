import fs from 'node:fs';
import path from 'node:path';
import type { Clock, Store } from '../app/ports';
import type { DocumentArchive } from '../app/ports/documents';
import type { StationKey } from '../app/ports/journal';
import type { JournalCheck, ReviewPorts, VideoPorts } from '../app/ports/video';
import { verifyJournal, type JournalVerification } from '../journal/verify';
import { createJournalSearch } from '../storage/repositories/journal-search';
import { checkChainFrom } from '../journal/evidence/proof';
import type { StationJournal } from '../journal/journal';
import { createJournalRows } from '../storage/repositories/journal-rows';
import { createReviewLookups } from '../storage/repositories/video-review';
import { createVideoRepository } from '../storage/repositories/video-segments';
import { createReturnsRepository } from '../storage/repositories/returns';
import { createPhotoFiles } from '../video/photo-files';
import { createClipFiles } from '../video/clip-files';
import { qrModules } from '../video/qr';
import { sha256OfFile } from './manifest';
import { buildEvidencePackage } from './package';

/** The station's open database, as the storage repositories take it (better-sqlite3 stays in storage). */
type Database = Parameters<typeof createJournalRows>[0];

export interface EvidencePortsOptions {
  db: Database;
  dataDir: string;
  store: Store;
  journal: StationJournal;
  key: StationKey;
  archive: DocumentArchive | null;
  clock: Clock;
  /**
   * Checks the whole journal with progress (boot passes the threaded check of `packdesk journal
   * verify`); without it the journal is checked in this thread, progress told once at the end.
   */
  verifyJournal?: (onProgress: (checked: number, total: number) => void) => Promise<JournalVerification>;
}

/** The part of a verification the screen shows. */
export function toJournalCheck(report: JournalVerification): JournalCheck {
  return {
    intact: report.intact,
    entries: report.entries,
    lastSeq: report.lastSeq,
    problems: report.problems.slice(0, 20).map(({ seq, kind, message }) => ({ seq, kind, message })),
    checkpointSeq: report.lastCheckpoint?.seq ?? null,
    checkpointAt: report.lastCheckpoint?.at ?? null,
  };
}

/** Folder of exported packages in the data folder; the browser host serves files from it. */
export const EVIDENCE_DIR = 'evidence';

/** The video and review ports of a station over its database and data folder. */
export function createVideoAndReviewPorts(options: EvidencePortsOptions): { video: VideoPorts; review: ReviewPorts } {
  const { db, dataDir, store, journal, key, archive, clock } = options;
  const rows = createJournalRows(db);
  const segments = createVideoRepository(db);
  const video: VideoPorts = { segments, files: createClipFiles(dataDir), qr: qrModules };
  const lookups = createReviewLookups(db);
  const returns = { repository: createReturnsRepository(db), photos: createPhotoFiles(dataDir) };
  const review: ReviewPorts = {
    lookups,
    verifyFrom: (fromSeq) => checkChainFrom(rows, fromSeq, key.publicKey),
    search: createJournalSearch(db),
    async verifyJournal(onProgress) {
      if (options.verifyJournal) return toJournalCheck(await options.verifyJournal(onProgress));
      const report = verifyJournal(rows, { trustedKeys: [key.publicKey] });
      onProgress(report.lastSeq, report.lastSeq);
      return toJournalCheck(report);
    },
    async exportEvidence(orderNumber, language) {
      const stamp = clock
        .now()
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
      const file = `${orderNumber.replace(/[^A-Za-z0-9_-]+/g, '_')}-${stamp}.zip`;
      const dir = path.join(dataDir, EVIDENCE_DIR);
      // Owner-only, like the video and journal it packs; the host serves it to managers.
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      const target = path.join(dir, file);
      const { bytes } = await buildEvidencePackage(
        { dataDir, store, rows, journal, key, segments, archive, clock, language, lookups, returns },
        orderNumber,
        target,
      );
      return { file, bytes, sha256: await sha256OfFile(target) };
    },
    evidenceFile(name) {
      // Only names exportEvidence makes: no separators, so nothing outside the folder is reachable.
      if (!/^[A-Za-z0-9_-]+-\d{8}T\d{6}Z\.zip$/.test(name)) return null;
      const file = path.join(dataDir, EVIDENCE_DIR, name);
      return fs.existsSync(file) ? file : null;
    },
  };
  return { video, review };
}
