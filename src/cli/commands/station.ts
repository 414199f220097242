import type { Command } from 'commander';
import { loadOrCreateCentralKey } from '../../platform/central-key';
import { dataDirFrom } from '../options';

/** `packdesk station`: this station's side of attaching to central. */
export function registerStation(program: Command): void {
  const station = program.command('station').description("This station's identity towards central.");
  station
    .command('key')
    .description('Print the public key this station signs central requests with, making the (owner-only) key on first use.')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .option('--id <id>', 'the station id, to print the whole registration command')
    .action((opts: { data?: string; id?: string }) => {
      const key = loadOrCreateCentralKey(dataDirFrom(opts.data));
      process.stdout.write(`${key.publicKey}\n`);
      process.stderr.write(
        `An admin registers it at central with:\n  packdesk central stations add --id ${opts.id ?? 'STATION-ID'} --public-key ${key.publicKey}\n`,
      );
    });
}
