import fs from 'node:fs';
import type { Command } from 'commander';
import { exportFile } from '../../app/statistics/export';
import { allStatistics } from '../../app/statistics/statistics';
import { bootStation } from '../../boot/station';
import { daysPeriod } from '../../domain/statistics';
import { dataDirFrom, parseCount, UsageError } from '../options';

const FORMATS = ['csv', 'xlsx', 'json'] as const;
type Format = (typeof FORMATS)[number];

export interface StatsOptions {
  data?: string;
  from: string;
  to: string;
  format: string;
  out?: string;
  idle?: string;
}

/**
 * `packdesk stats --from 2026-11-01 --to 2026-11-30 --format xlsx --out november.xlsx`: the
 * statistics of whole days (local time, both included) for payroll, one row per packer, exactly
 * as the manager's screen exports them; journaled as the station's own export.
 */
export async function runStats(opts: StatsOptions, stdout: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (!(FORMATS as readonly string[]).includes(opts.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
  const format = opts.format as Format;
  const period = daysPeriod(opts.from, opts.to);
  if (!period) throw new UsageError('--from and --to must be days as YYYY-MM-DD, the first not after the last.');
  if (period.to.getTime() - period.from.getTime() > 93 * 86_400_000) throw new UsageError('A period is at most 93 days.');
  if (format === 'xlsx' && !opts.out && 'isTTY' in stdout && stdout.isTTY)
    throw new UsageError('An XLSX file is not for the terminal: name it with --out FILE.');
  const idleGapSeconds = opts.idle === undefined ? undefined : parseCount(opts.idle, '--idle', 30, 3600);
  const booted = await bootStation({ dataDir: dataDirFrom(opts.data), host: 'cli' });
  try {
    const deps = { store: booted.store, journal: booted.journal, clock: { now: () => new Date() }, logger: booted.logger, statistics: booted.statistics };
    const query = { from: period.from.toISOString(), to: period.to.toISOString(), format, ...(idleGapSeconds === undefined ? {} : { idleGapSeconds }) };
    const file = await exportFile(deps, allStatistics(deps, query), format);
    booted.journal.append({
      type: 'stats.exported',
      stationId: booted.stationId,
      actorId: null,
      subject: null,
      payload: { from: query.from, to: query.to, format, rows: file.rows, fileName: file.fileName, by: 'cli' },
    });
    if (opts.out) {
      fs.writeFileSync(opts.out, file.bytes);
      process.stderr.write(`${file.rows} packers written to ${opts.out}\n`);
    } else {
      stdout.write(Buffer.from(file.bytes));
    }
  } finally {
    await booted.close();
  }
}

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('Export packer statistics for whole days (local time) for payroll: one row per packer; definitions in the XLSX second sheet.')
    .requiredOption('--from <day>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <day>', 'last day, YYYY-MM-DD (included)')
    .option('--format <format>', `file format (${FORMATS.join(', ')})`, 'csv')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--idle <seconds>', 'pauses longer than this are left out of active time (default 180)')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .action((opts: StatsOptions) => runStats(opts));
}
