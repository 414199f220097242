import { CommanderError, type Command } from 'commander';
import { CARRIER_KINDS, type CarrierKind } from '../../app/ports/carriers';
import { bootStation } from '../../boot/station';
import { StationFailure } from '../../contract/errors';
import { dataDirFrom, UsageError } from '../options';

/** `packdesk handover`: closes a carrier's day, keeps and prints the handover document, locks the parcels in it. */
export function registerHandover(program: Command): void {
  program
    .command('handover')
    .description(
      "Close a carrier's day: the carrier's handover document for every parcel labelled and not handed over yet, kept and printed; the parcels are locked in it.",
    )
    .requiredOption('--carrier <kind>', `one of ${CARRIER_KINDS.join(', ')}`)
    .option('--date <YYYY-MM-DD>', 'the day being closed (default: today)')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .action(async (opts: { carrier: string; date?: string; data?: string }) => {
      if (!(CARRIER_KINDS as readonly string[]).includes(opts.carrier)) throw new UsageError(`--carrier must be one of ${CARRIER_KINDS.join(', ')}`);
      const date = opts.date ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new UsageError('--date must be a day as YYYY-MM-DD');
      const booted = await bootStation({ dataDir: dataDirFrom(opts.data), host: 'cli' });
      try {
        const done = await booted.station.carriers.handover(opts.carrier as CarrierKind, date);
        // The print worker sends the handover document before the command ends.
        await booted.station.documents.drain();
        process.stdout.write(
          `${done.carrier}: handover ${done.manifestNumber}${done.carrierNumber ? ` (${done.carrierNumber})` : ''}, ${done.parcels.length} parcel(s), ` +
            `${done.notPrinted ? `not printed: ${done.notPrinted}` : 'printed'}\n`,
        );
        for (const p of done.parcels) process.stdout.write(`  ${p.orderNumber} parcel ${p.parcelNo}: ${p.trackingNumber}\n`);
      } catch (error) {
        if (!(error instanceof StationFailure)) throw error;
        process.stderr.write(`packdesk: ${error.message}\n`);
        throw new CommanderError(1, 'packdesk.handover', error.message);
      } finally {
        await booted.close();
      }
    });
}
