import fs from 'node:fs';
import type { Command } from 'commander';
import { StationFailure } from '../../contract/errors';
import { slipForUnpackedOrder } from '../../documents/from-order';
import { UsageError } from '../options';

/** Loaded when a document is made: pdf-lib and fontkit would slow the start of every command. */
async function renderer() {
  const { createDocumentRenderer } = await import('../../documents/renderer');
  return createDocumentRenderer();
}
import { openDocumentDatabase, requireOrder } from './document-database';

const DATA_HELP = 'data folder (default: PACKDESK_DATA or the OS application-data folder)';

/** `packdesk doc slip|manifest`: the A4 documents, written to a file. */
export function registerDoc(program: Command): void {
  const doc = program.command('doc').description('Make packing slips and dispatch manifests as PDF files.');
  doc
    .command('slip')
    .description('The packing slip / delivery note of an order.')
    .requiredOption('--order <number>', 'order number')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--data <dir>', DATA_HELP)
    .action(async (opts: { order: string; out: string; data?: string }) => {
      const database = openDocumentDatabase(opts.data);
      try {
        const order = requireOrder(database.store, opts.order);
        const { settings } = database.labelSettings();
        const slip = await (await renderer()).packingSlip(slipForUnpackedOrder(order, settings));
        fs.writeFileSync(opts.out, slip.bytes);
        process.stdout.write(`${opts.out}: packing slip for ${order.number}, ${order.lines.length} lines\n`);
      } finally {
        database.close();
      }
    });
  doc
    .command('manifest')
    .description("A carrier's dispatch manifest for a day (the latest one of that day).")
    .requiredOption('--carrier <code>', 'carrier code, e.g. inpost')
    .requiredOption('--date <yyyy-mm-dd>', 'the day')
    .requiredOption('--out <file>', 'where to write the PDF')
    .option('--data <dir>', DATA_HELP)
    .action(async (opts: { carrier: string; date: string; out: string; data?: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new UsageError('--date must be YYYY-MM-DD.');
      const database = openDocumentDatabase(opts.data);
      try {
        const manifest = database.manifests.forCarrierDay(opts.carrier, opts.date).at(-1);
        if (!manifest) throw new StationFailure('VALIDATION_FAILED', `There is no ${opts.carrier} manifest for ${opts.date}.`);
        const { settings } = database.labelSettings();
        const parcels = database.manifests.parcels(manifest.id);
        const pdf = await (
          await renderer()
        ).manifest({
          manifestNumber: manifest.number,
          carrier: manifest.carrier,
          date: manifest.date,
          shipFrom: settings.shipFrom,
          closedAt: manifest.closedAt,
          parcels,
        });
        fs.writeFileSync(opts.out, pdf.bytes);
        process.stdout.write(`${opts.out}: manifest ${manifest.number} (${manifest.status}), ${parcels.length} parcels\n`);
      } finally {
        database.close();
      }
    });
}
