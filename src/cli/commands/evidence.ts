import fs from 'node:fs';
import path from 'node:path';
import { CommanderError, type Command } from 'commander';
import { DATABASE_FILE } from '../../boot/data-dir';
import { dataDirFrom, UsageError } from '../options';

const failed = (message: string): never => {
  process.stderr.write(`packdesk: ${message}\n`);
  throw new CommanderError(1, 'packdesk.evidence.failed', message);
};

export function registerEvidence(program: Command): void {
  const evidence = program
    .command('evidence')
    .description("Export an order's evidence package (report, clips, return photos, journal entries, chain proof, signed manifest), or check one.")
    .option('--order <number>', 'order number')
    .option('--out <file.zip>', 'where to write the package')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .option('--no-stills', 'leave out the stills from the video (they need ffmpeg)')
    .option('--language <en|pl>', 'the language of the report', 'en')
    .action(async (opts: { order?: string; out?: string; data?: string; stills: boolean; language: string }) => {
      if (opts.language !== 'en' && opts.language !== 'pl') throw new UsageError('--language is en or pl.');
      const language = opts.language;
      if (!opts.order || !opts.out) throw new UsageError('packdesk evidence needs --order NUMBER and --out FILE.zip (or: packdesk evidence verify FILE.zip).');
      const dataDir = dataDirFrom(opts.data);
      if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) failed(`there is no Packdesk database in ${dataDir}`);
      // Loaded on demand: PDF making is the heaviest part of the CLI.
      const { exportEvidenceFromDataDir } = await import('../../evidence/from-data-dir');
      const { EvidenceError } = await import('../../evidence/package');
      fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
      const made = await exportEvidenceFromDataDir(dataDir, DATABASE_FILE, opts.order, path.resolve(opts.out), { stills: opts.stills, language }).catch(
        (error: unknown) => (error instanceof EvidenceError ? failed(error.message) : Promise.reject(error)),
      );
      process.stdout.write(`Evidence package of order ${made.orderNumber}: ${opts.out} (${made.files} files, ${made.bytes} bytes).\n`);
    });
  evidence
    .command('verify <file>')
    .description(
      'Check a package anywhere, without a database: manifest signature, every SHA-256, the journal chain and its signed checkpoint, clips and return photos against their entries.',
    )
    .option('--key <base64>', "the station's public key (SPKI DER, base64) the package must be signed with")
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { key?: string; json?: boolean }) => {
      if (!fs.existsSync(file)) failed(`${file} does not exist`);
      const { verifyEvidence } = await import('../../evidence/verify');
      // Read from disk as it streams: a package with long clips need not fit in memory.
      const check = await verifyEvidence(path.resolve(file), opts.key ? { trustedKey: opts.key } : {});
      if (opts.json) process.stdout.write(`${JSON.stringify(check, null, 2)}\n`);
      else if (check.ok) {
        process.stdout.write(
          `Evidence package of order ${check.orderNumber} intact: ${check.entries} journal entries, ${check.clips} clip(s), ${check.photos} return photo(s), chain proven to the checkpoint at entry ${check.checkpointSeq}; ` +
            `station key ${check.keyFingerprint}.\n`,
        );
      } else {
        process.stdout.write(`Evidence package ${file} FAILS:\n${check.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      }
      if (!check.ok) failed(check.problems[0] ?? 'broken');
    });
}
