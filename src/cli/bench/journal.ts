import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyJournalFile } from '../../boot/verify-journal';
import { createJournal } from '../../journal/journal';
import { loadOrCreateStationKey } from '../../journal/key-file';
import { checkpointWal, openDatabase } from '../../storage/db';
import { migrate } from '../../storage/migrate';
import { createJournalRows } from '../../storage/repositories/journal-rows';
import { benchJournalSearch } from './journal-search';
import { benchEntry, benchEntryAt } from './journal-entries';
import { percentile, round, type Figure } from './stats';

export interface JournalBenchOptions {
  /** Entries in the journal that verification reads; the issue's goal is stated for 1,000,000. */
  entries?: number;
}

const SINGLE_APPENDS = 2000;
const BATCH = 1000;
const VERIFY_GOAL_MS = 2000;

/**
 * Journal append rate (each append its own transaction, and batched as a packing session's
 * writes are), the cost of reading the newest row, and verification of the whole journal.
 * Builds its own journal in a temporary folder.
 */
export async function benchJournal(options: JournalBenchOptions = {}): Promise<Figure[]> {
  const entries = options.entries ?? 1_000_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-journal-'));
  const db = openDatabase(path.join(dir, 'journal.sqlite'));
  try {
    migrate(db);
    const rows = createJournalRows(db);
    let written = 0;
    // Each entry at its own time (benchEntryAt), so a search by time range means what it does at a station.
    const journal = createJournal(rows, { now: () => new Date(benchEntryAt(++written)) }, loadOrCreateStationKey(dir));
    const figures: Figure[] = [];

    const single: number[] = [];
    let started = performance.now();
    for (let n = 1; n <= SINGLE_APPENDS; n++) {
      const t = performance.now();
      journal.append(benchEntry(n));
      single.push(performance.now() - t);
    }
    const singleMs = performance.now() - started;
    figures.push({ name: 'journal append, one transaction each: rate', value: Math.round((SINGLE_APPENDS / singleMs) * 1000), unit: 'entries/s' });
    figures.push({ name: 'journal append, one transaction each: p99', value: round(percentile(single, 99), 3), unit: 'ms' });

    started = performance.now();
    const append = (from: number, to: number) => {
      for (let n = from; n <= to; n++) journal.append(benchEntry(n));
    };
    for (let n = SINGLE_APPENDS + 1; n <= entries; n += BATCH) rows.transaction(() => append(n, Math.min(entries, n + BATCH - 1)));
    const batched = Math.max(0, entries - SINGLE_APPENDS);
    if (batched > 0) {
      const rate = Math.round((batched / (performance.now() - started)) * 1000);
      figures.push({ name: `journal append, ${BATCH} per transaction: rate`, value: rate, unit: 'entries/s' });
    }

    const lookups = 100_000;
    started = performance.now();
    for (let i = 0; i < lookups; i++) rows.last();
    figures.push({ name: 'journal newest-row read (done by every append)', value: round(((performance.now() - started) * 1000) / lookups, 2), unit: 'µs' });

    // As `packdesk journal verify` does it: on worker threads when built, and never quietly on one.
    started = performance.now();
    const report = await verifyJournalFile(db.name, rows, {
      onWorkerFailure: (error) => {
        throw new Error(`a journal verify worker failed, so the figure would not be the threaded one: ${error.message}`);
      },
    });
    const verifyMs = round(performance.now() - started, 2);
    if (!report.intact || report.entries !== Math.max(entries, SINGLE_APPENDS))
      throw new Error(`bench journal did not verify: ${report.problems[0]?.message ?? `${report.entries} entries`}`);
    const goal = Math.round((VERIFY_GOAL_MS * report.entries) / 1_000_000);
    figures.push({ name: `journal verify, ${report.entries.toLocaleString('en')} entries`, value: verifyMs, unit: 'ms', note: `goal ≤ ${goal} ms` });
    figures.push(...benchJournalSearch(db, Math.max(entries, SINGLE_APPENDS)));
    // Fold the WAL in first, so the file holds every entry (hosts do this every few seconds).
    checkpointWal(db);
    figures.push({ name: 'journal database size', value: round(fs.statSync(db.name).size / 2 ** 20, 1), unit: 'MiB' });
    return figures;
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
