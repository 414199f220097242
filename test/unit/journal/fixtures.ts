import path from 'node:path';
import type { Clock } from '../../../src/app/ports';
import type { NewJournalEntry, StationKey } from '../../../src/app/ports/journal';
import { createJournal, type StationJournal } from '../../../src/journal/journal';
import { loadOrCreateStationKey } from '../../../src/journal/key-file';
import type { Database } from '../../../src/storage/db';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { openTestStore } from '../storage/fixtures';

/** A clock that moves one second per reading, so every entry has its own time. */
export function steppingClock(start = Date.parse('2026-03-02T08:00:00.000Z')): Clock {
  let now = start;
  return {
    now: () => {
      const d = new Date(now);
      now += 1000;
      return d;
    },
  };
}

export interface TestJournal {
  journal: StationJournal;
  rows: ReturnType<typeof createJournalRows>;
  key: StationKey;
  db: Database;
  dir: string;
  file: string;
}

/** A journal on a real SQLite file in a fresh folder, with a station key in that folder. */
export function openTestJournal(options: { checkpointEvery?: number } = {}): TestJournal {
  const { db, dir, file } = openTestStore();
  const rows = createJournalRows(db);
  const key = loadOrCreateStationKey(path.join(dir, 'data'));
  const journal = createJournal(rows, steppingClock(), key, options);
  return { journal, rows, key, db, dir, file };
}

export function scan(n: number, order = `SO-${1000 + (n % 4)}`): NewJournalEntry {
  return {
    type: 'pack.scan',
    stationId: 'ST-01',
    actorId: 7,
    subject: { kind: 'order', id: order },
    payload: { code: `0590123412345${n % 10}`, verdict: n % 5 === 0 ? 'wrong_item' : 'ok', line: n },
  };
}

export function appendScans(journal: StationJournal, count: number): void {
  for (let n = 1; n <= count; n++) journal.append(scan(n));
}

/** Removes the append-only triggers, as someone editing the file by hand would. */
export function dropTriggers(db: Database): void {
  db.exec(`
    DROP TRIGGER journal_entries_no_update; DROP TRIGGER journal_entries_no_delete;
    DROP TRIGGER journal_checkpoints_no_update; DROP TRIGGER journal_checkpoints_no_delete;
  `);
}
