import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createDocumentArchive } from '../../../src/documents/store/archive';
import { openDatabase, type Database } from '../../../src/storage/db';
import { migrate } from '../../../src/storage/migrate';
import { createDocumentRecordRepository } from '../../../src/storage/repositories/document-records';
import { createManifestRepository } from '../../../src/storage/repositories/manifests';
import { createPrintJobRepository } from '../../../src/storage/repositories/print-jobs';
import { createPrinterProfileRepository } from '../../../src/storage/repositories/printer-profiles';

const dirs: string[] = [];
const dbs: Database[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export const STATION = 'ST-01';

/** A manual clock the tests move forward. */
export function manualClock(start = '2026-03-02T08:00:00.000Z') {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

export function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-printing-'));
  dirs.push(dir);
  return dir;
}

/** A real station database (all migrations) in a data folder, with the repositories of 0004. */
export function openStationDb(dataDir: string, clock: () => Date) {
  const db = openDatabase(path.join(dataDir, 'packdesk.sqlite'));
  dbs.push(db);
  migrate(db);
  db.prepare("INSERT OR IGNORE INTO stations (id, name, language, idle_logout_minutes) VALUES (?, 'Station 1', 'en', 15)").run(STATION);
  const records = createDocumentRecordRepository(db);
  return {
    db,
    queue: createPrintJobRepository(db),
    profiles: createPrinterProfileRepository(db),
    manifests: createManifestRepository(db),
    archive: createDocumentArchive({ dataDir, records, clock }),
  };
}
