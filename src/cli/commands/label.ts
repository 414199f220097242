import fs from 'node:fs';
import type { Command } from 'commander';
import type { LabelSize, ZplDpi } from '../../app/ports/documents';
import { StationFailure } from '../../contract/errors';
import { composeSscc } from '../../domain/barcode/sscc';
import { estimatedWeightGrams, labelForUnpackedOrder } from '../../documents/from-order';
import { UsageError } from '../options';
import { openDocumentDatabase, requireOrder } from './document-database';

interface LabelOptions {
  order: string;
  format: string;
  size: string;
  dpi: string;
  out: string;
  data?: string;
}

/** `packdesk label`: Packdesk's own shipping label for an order, as PDF or ZPL. */
export function registerLabel(program: Command): void {
  program
    .command('label')
    .description("Make Packdesk's own shipping label for an order (one parcel with the estimated weight when not packed yet).")
    .requiredOption('--order <number>', 'order number')
    .option('--format <format>', 'pdf or zpl', 'pdf')
    .option('--size <size>', '4x6 or a6', '4x6')
    .option('--dpi <dpi>', 'ZPL printer resolution: 203 or 300', '203')
    .requiredOption('--out <file>', 'where to write the label')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .action(async (opts: LabelOptions) => {
      if (opts.format !== 'pdf' && opts.format !== 'zpl') throw new UsageError('--format must be pdf or zpl.');
      if (opts.size !== '4x6' && opts.size !== 'a6') throw new UsageError('--size must be 4x6 or a6.');
      if (opts.dpi !== '203' && opts.dpi !== '300') throw new UsageError('--dpi must be 203 or 300.');
      const database = openDocumentDatabase(opts.data);
      try {
        const order = requireOrder(database.store, opts.order);
        const { settings, demo } = database.labelSettings();
        const serial = database.ssccSerial(order.id);
        if (demo) process.stderr.write('packdesk: no label settings in this data folder; using the demo sender and GS1 example prefix 0614141.\n');
        const sscc = composeSscc(settings.ssccExtensionDigit, settings.gs1CompanyPrefix, serial);
        if (!sscc.ok) throw new StationFailure('VALIDATION_FAILED', `No SSCC can be made: ${sscc.message}; set a new prefix or serial in the label settings.`);
        const weight = estimatedWeightGrams(order, (id) => database.store.catalog.productById(id)?.weightGrams ?? null);
        const input = labelForUnpackedOrder(order, settings, weight, sscc.sscc);
        // Loaded here, not at the top: pdf-lib and fontkit would slow the start of every command.
        const { createDocumentRenderer } = await import('../../documents/renderer');
        const renderer = createDocumentRenderer();
        const label = opts.format === 'pdf' ? await renderer.labelPdf(input, opts.size as LabelSize) : renderer.labelZpl(input, Number(opts.dpi) as ZplDpi);
        fs.writeFileSync(opts.out, label.bytes);
        process.stdout.write(`${opts.out}: ${opts.format.toUpperCase()} label for ${order.number}, SSCC ${input.sscc}\n`);
      } finally {
        database.close();
      }
    });
}
