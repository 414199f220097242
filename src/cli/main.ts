import { Command, CommanderError } from 'commander';
import { PACKDESK_VERSION } from '../boot/version';
import { StationFailure } from '../contract/errors';
import { HostConfigError } from '../host/binding';
import { registerBarcode } from './commands/barcode';
import { registerBench } from './commands/bench';
import { registerCarriers } from './commands/carriers';
import { registerCentral } from './commands/central';
import { registerHandover } from './commands/handover';
import { registerConfig } from './commands/config';
import { registerDemo } from './commands/demo';
import { registerDoc } from './commands/doc';
import { registerEvidence } from './commands/evidence';
import { registerJournal } from './commands/journal';
import { registerLabel } from './commands/label';
import { registerOrders } from './commands/orders';
import { registerServe } from './commands/serve';
import { registerImport } from './commands/import';
import { registerSync } from './commands/sync';
import { registerStats } from './commands/stats';
import { registerReturns } from './commands/returns';
import { registerStation } from './commands/station';
import { UsageError } from './options';

export function buildProgram(): Command {
  const program = new Command('packdesk')
    .description('Packdesk packing station: serve the UI, seed demo data, inspect the local database.')
    .version(PACKDESK_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    // Set before the commands are added, so every subcommand inherits it and exits in one place.
    .exitOverride()
    // Lets a command and its subcommands each have an option of the same name (central's --database).
    .enablePositionalOptions();
  registerServe(program);
  registerDemo(program);
  registerOrders(program);
  registerBench(program);
  registerBarcode(program);
  registerJournal(program);
  registerEvidence(program);
  registerLabel(program);
  registerDoc(program);
  registerSync(program);
  registerImport(program);
  registerConfig(program);
  registerCarriers(program);
  registerHandover(program);
  registerStats(program);
  registerReturns(program);
  registerCentral(program);
  registerStation(program);
  return program;
}

/** Runs the CLI; returns the exit code so the process ends in exactly one place. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof StationFailure) {
      process.stderr.write(`packdesk: ${error.message} [${error.code}]\n`);
      return 1;
    }
    if (error instanceof UsageError || error instanceof HostConfigError) {
      process.stderr.write(`packdesk: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`packdesk: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
