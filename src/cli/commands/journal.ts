import fs from 'node:fs';
import path from 'node:path';
import { CommanderError, type Command } from 'commander';
import { DATABASE_FILE } from '../../boot/data-dir';
import { verifyJournalFile } from '../../boot/verify-journal';
import { KEY_FILE, readStationKey } from '../../journal/key-file';
import type { JournalVerification } from '../../journal/verify';
import { loadOrCreateBadgeKey, registerBadgeDigest } from '../../storage/badge-key';
import { openDatabase } from '../../storage/db';
import { migrate } from '../../storage/migrate';
import { createJournalRows } from '../../storage/repositories/journal-rows';
import { dataDirFrom } from '../options';

/** How many problems the text report lists after the first; --json has them all (up to 100). */
const LISTED_PROBLEMS = 10;

/** Ends the command with exit 1; runCli returns a CommanderError's exit code without printing more. */
function exitBroken(message: string): never {
  throw new CommanderError(1, 'packdesk.journal.broken', message);
}

export function registerJournal(program: Command): void {
  const journal = program.command('journal').description('The tamper-evident journal of this station.');
  journal
    .command('verify')
    .description('Recompute the hash chain and check the signed checkpoints; exit 1 naming the first broken entry.')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { data?: string; json?: boolean }) => {
      const dataDir = dataDirFrom(opts.data);
      const file = path.join(dataDir, DATABASE_FILE);
      if (!fs.existsSync(file)) {
        process.stderr.write(`packdesk: there is no Packdesk database in ${dataDir} (looked for ${DATABASE_FILE}).\n`);
        exitBroken('no database');
      }
      const db = openDatabase(file, { backupDir: path.join(dataDir, 'backups') });
      try {
        // Bringing an older database up to date hashes the badge codes it stored (migration 9).
        registerBadgeDigest(db, loadOrCreateBadgeKey(dataDir));
        migrate(db);
        const rows = createJournalRows(db);
        // Read, never created: a missing key must not be replaced by a new one during a check.
        const key = readStationKey(dataDir);
        const started = performance.now();
        const report = await verifyJournalFile(file, rows, key ? { trustedKeys: [key.publicKey] } : {});
        const seconds = (performance.now() - started) / 1000;
        const missingGuards = rows.missingGuards();
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ ...report, missingGuards, stationKey: key?.publicKey ?? null, seconds }, null, 2)}\n`);
        } else {
          process.stdout.write(describe(report, { dataDir, hasKey: key !== null, missingGuards, seconds }));
        }
        if (!report.intact) exitBroken(report.problems[0]?.message ?? 'journal broken');
      } finally {
        db.close();
      }
    });
}

function describe(report: JournalVerification, context: { dataDir: string; hasKey: boolean; missingGuards: string[]; seconds: number }): string {
  const lines: string[] = [];
  const [first, ...rest] = report.problems;
  if (!first) {
    lines.push(`${report.entries} entries intact (checked in ${context.seconds.toFixed(2)} s).`);
  } else {
    lines.push(`Journal broken at entry ${first.seq} (${first.kind}): ${first.message}.`);
    for (const p of rest.slice(0, LISTED_PROBLEMS)) lines.push(`  also entry ${p.seq} (${p.kind}): ${p.message}.`);
    const unlisted = rest.length - Math.min(rest.length, LISTED_PROBLEMS);
    if (unlisted > 0 || report.moreProblems) lines.push(`  and ${report.moreProblems ? 'more than ' : ''}${unlisted} more.`);
    lines.push(`${report.entries} entries read, up to entry ${report.lastSeq}.`);
  }
  const cp = report.lastCheckpoint;
  if (cp) {
    const unsigned = report.lastSeq - cp.seq;
    lines.push(`Last checkpoint: entry ${cp.seq}, signed ${cp.at}${unsigned > 0 ? `; ${unsigned} entries after it are chained but not yet signed` : ''}.`);
  } else if (report.entries > 0) {
    lines.push('No signed checkpoint yet: the chain shows edits, but not a journal rewritten from scratch.');
  }
  if (!context.hasKey) lines.push(`No station key (${KEY_FILE}) in ${context.dataDir}: checkpoints were checked against the keys they carry.`);
  if (context.missingGuards.length > 0) {
    lines.push(`Warning: the append-only triggers ${context.missingGuards.join(', ')} were removed from the database.`);
  }
  return `${lines.join('\n')}\n`;
}
