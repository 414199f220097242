import path from 'node:path';
import { readStationKey } from '../journal/key-file';
import { createJournal } from '../journal/journal';
import { createDocumentArchive } from '../documents/store/archive';
import { loadOrCreateBadgeKey } from '../storage/badge-key';
import { openDatabase } from '../storage/db';
import { createDocumentRecordRepository } from '../storage/repositories/document-records';
import { createJournalRows } from '../storage/repositories/journal-rows';
import { createVideoRepository } from '../storage/repositories/video-segments';
import { createReturnsRepository } from '../storage/repositories/returns';
import { createPhotoFiles } from '../video/photo-files';
import { createStore } from '../storage/store';
import { createReviewLookups } from '../storage/repositories/video-review';
import type { Language } from '../domain/user';
import { buildEvidencePackage, EvidenceError } from './package';

/** An evidence package straight from a data folder into `outFile`, for `packdesk evidence` (no station running). */
export async function exportEvidenceFromDataDir(
  dataDir: string,
  databaseFile: string,
  orderNumber: string,
  outFile: string,
  options: { stills?: boolean; language?: Language } = {},
) {
  // Read, never created: a package signed by a brand-new key would prove nothing.
  const key = readStationKey(dataDir);
  if (!key) throw new EvidenceError(`There is no station key in ${dataDir}; the journal cannot be signed.`);
  const backupDir = path.join(dataDir, 'backups');
  const db = openDatabase(path.join(dataDir, databaseFile), { backupDir });
  try {
    const clock = { now: () => new Date() };
    const store = createStore(db, { backupDir, keepBackups: 14, clock: clock.now, badgeKey: loadOrCreateBadgeKey(dataDir) });
    const rows = createJournalRows(db);
    const archive = createDocumentArchive({ dataDir, records: createDocumentRecordRepository(db), clock: clock.now });
    const { manifest, files, bytes } = await buildEvidencePackage(
      {
        dataDir,
        store,
        rows,
        journal: createJournal(rows, clock, key),
        key,
        segments: createVideoRepository(db),
        archive,
        clock,
        stills: options.stills ?? true,
        language: options.language ?? 'en',
        lookups: createReviewLookups(db),
        returns: { repository: createReturnsRepository(db), photos: createPhotoFiles(dataDir) },
      },
      orderNumber,
      outFile,
    );
    return { orderNumber: manifest.orderNumber, files, bytes };
  } finally {
    db.close();
  }
}
