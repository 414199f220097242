import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../src/boot/data-dir';
import { registerJournal } from '../../../src/cli/commands/journal';
import { createJournal } from '../../../src/journal/journal';
import { KEY_FILE, loadOrCreateStationKey } from '../../../src/journal/key-file';
import { openDatabase } from '../../../src/storage/db';
import { migrate } from '../../../src/storage/migrate';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { captureOutput, type CliRun } from '../../support/run-cli';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data folder with a station key and a journal of `count` entries, checkpointed every 5. */
function stationFolder(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-cli-journal-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  migrate(db);
  let t = Date.parse('2026-03-02T08:00:00.000Z');
  const journal = createJournal(createJournalRows(db), { now: () => new Date((t += 1000)) }, loadOrCreateStationKey(dir), { checkpointEvery: 5 });
  for (let n = 1; n <= count; n++) {
    journal.append({ type: 'pack.scan', stationId: 'ST-01', actorId: 2, subject: { kind: 'order', id: 'SO-1' }, payload: { n } });
  }
  db.close();
  return dir;
}

function tamper(dir: string, sql: string): void {
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  db.exec(`DROP TRIGGER journal_entries_no_update; DROP TRIGGER journal_entries_no_delete; ${sql}`);
  db.close();
}

/** Runs `packdesk journal verify …` the way runCli does: a CommanderError's code is the exit code. */
async function verify(...args: string[]): Promise<CliRun> {
  const program = new Command('packdesk').exitOverride();
  registerJournal(program);
  return captureOutput(async () => {
    try {
      await program.parseAsync(['journal', 'verify', ...args], { from: 'user' });
      return 0;
    } catch (error) {
      if (error instanceof CommanderError) return error.exitCode;
      throw error;
    }
  });
}

describe('packdesk journal verify', () => {
  it('exits 0 with "N entries intact" and the last checkpoint', async () => {
    const dir = stationFolder(12);
    const { code, out } = await verify('--data', dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^12 entries intact \(checked in \d+\.\d\d s\)\.\n/);
    expect(out).toContain('Last checkpoint: entry 10, signed 2026-03-02T08:00:');
    expect(out).toContain('2 entries after it are chained but not yet signed');
    expect(out).not.toContain('Warning');
  });

  it('exits 1 naming the first changed entry, and warns that the triggers were removed', async () => {
    const dir = stationFolder(12);
    tamper(dir, `UPDATE journal_entries SET payload = '{"n":99}' WHERE seq IN (7, 9)`);
    const { code, out } = await verify('--data', dir);
    expect(code).toBe(1);
    expect(out).toMatch(/^Journal broken at entry 7 \(changed\): entry 7 \(pack\.scan\) was changed/);
    expect(out).toContain('also entry 9 (changed)');
    expect(out).toContain('Warning: the append-only triggers journal_entries_no_update, journal_entries_no_delete were removed');
  });

  it('exits 1 naming a deleted entry as missing', async () => {
    const dir = stationFolder(12);
    tamper(dir, 'DELETE FROM journal_entries WHERE seq = 3');
    const { code, out } = await verify('--data', dir);
    expect(code).toBe(1);
    expect(out).toMatch(/^Journal broken at entry 3 \(missing\): entry 3 is missing: the journal goes from 2 to 4\./);
  });

  it("exits 1 on a checkpoint signed with a key that is not the station's", async () => {
    const dir = stationFolder(6);
    fs.rmSync(path.join(dir, KEY_FILE));
    loadOrCreateStationKey(dir); // the key was replaced: the old checkpoint no longer counts
    const { code, out } = await verify('--data', dir);
    expect(code).toBe(1);
    expect(out).toMatch(/^Journal broken at entry 5 \(bad-signature\): checkpoint at entry 5: signed by a key that is not this station's/);
  });

  it('prints the whole report as JSON with --json', async () => {
    const dir = stationFolder(3);
    const { code, out } = await verify('--data', dir, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ intact: true, entries: 3, lastSeq: 3, problems: [], missingGuards: [] });
  });

  it('says so when the folder has no station key, and exits 1 when it has no database', async () => {
    const dir = stationFolder(2);
    fs.rmSync(path.join(dir, KEY_FILE));
    const { code, out } = await verify('--data', dir);
    expect(code).toBe(0);
    expect(out).toContain(`No station key (${KEY_FILE})`);
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);

    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-cli-journal-'));
    dirs.push(empty);
    const missing = await verify('--data', empty);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('there is no Packdesk database in');
    expect(fs.readdirSync(empty)).toEqual([]);
  });
});
