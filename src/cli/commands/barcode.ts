import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { GS, interpretScan, isScanProblem } from '../../domain/barcode';
import type { GtinReading, ScanResult } from '../../domain/barcode';

/** What `barcode parse` prints for a readable scan. */
export interface ParsedScanJson {
  kind: string;
  gtin?: string;
  sscc?: string;
  ambiguous?: true;
  readings?: GtinReading[];
  addOn?: string;
  digitalLink?: { stem: string };
  ais?: Record<string, string>;
  symbology?: string;
}

export interface ScanErrorJson {
  error: { code: string; message: string };
}

/** The CLI's JSON for a scan: the reading, or the problem with its code in UPPER_SNAKE. */
export function scanResultJson(result: ScanResult): ParsedScanJson | ScanErrorJson {
  if (isScanProblem(result)) return { error: { code: result.problem.toUpperCase(), message: result.message } };
  return {
    kind: result.kind,
    ...(result.gtin !== undefined && { gtin: result.gtin }),
    ...(result.sscc !== undefined && { sscc: result.sscc }),
    ...(result.ambiguous && { ambiguous: result.ambiguous }),
    ...(result.readings !== undefined && { readings: result.readings }),
    ...(result.addOn !== undefined && { addOn: result.addOn }),
    ...(result.digitalLink !== undefined && { digitalLink: result.digitalLink }),
    ...(result.ais !== undefined && { ais: result.ais }),
    ...(result.symbology !== undefined && { symbology: result.symbology }),
  };
}

/**
 * JSON text with the AIs in scan order. A plain object would list "10" before "01", because
 * JavaScript puts integer-like keys first.
 */
export function scanResultText(result: ScanResult): string {
  const json = scanResultJson(result);
  if (isScanProblem(result) || !result.aiList || !('kind' in json)) return JSON.stringify(json);
  const seen = new Set<string>();
  const ais = result.aiList
    .filter(({ ai }) => !seen.has(ai) && seen.add(ai))
    .map(({ ai, value }) => `${JSON.stringify(ai)}:${JSON.stringify(value)}`)
    .join(',');
  const { ais: _unordered, symbology, ...head } = json;
  const tail = symbology === undefined ? '' : `,"symbology":${JSON.stringify(symbology)}`;
  return `${JSON.stringify(head).slice(0, -1)},"ais":{${ais}}${tail}}`;
}

async function readAll(input: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** Scan data arrives as bytes (GS as 0x1D); one trailing newline is the shell's, not the scanner's. */
function decodeScanBytes(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/**
 * `packdesk barcode parse [TEXT]`: says what the station makes of a scan. `input` is where raw
 * scan bytes come from when TEXT is absent (stdin, or a stream in tests).
 */
export function registerBarcode(program: Command, input?: AsyncIterable<Uint8Array | string>): void {
  const barcode = program.command('barcode').description('Inspect barcodes the way the packing station reads them.');
  barcode
    .command('parse')
    .description('Interpret one scan: GTIN, GS1 element string or Digital Link URI, SSCC, shop SKU or text. Prints JSON; exits 1 when the scan is invalid.')
    .argument('[text]', 'the scan; when absent, raw scan bytes are read from stdin (GS as byte 0x1D)')
    .option('--gs <substitute>', 'text in the scan that stands for the GS separator, e.g. "<GS>" or "|"')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  packdesk barcode parse 4006381333931',
        "  packdesk barcode parse '(01)09501101530003(17)251231(10)ABC'",
        "  packdesk barcode parse 'https://id.gs1.org/01/09501101530003/10/ABC?17=261231'",
        "  printf ']d20109501101530003\\x1d10ABC' | packdesk barcode parse",
        '',
        'Output (JSON; fields appear only when they apply):',
        '  kind        gtin, gs1, sscc, sku or text',
        '  gtin        the GTIN as 14 digits (AI (01) of GS1 data)',
        '  sscc        the SSCC, 18 digits (AI (00) of GS1 data)',
        '  ambiguous   true when the scan is more than one GTIN: 8 digits without ]E0 or ]E4',
        '              that are a valid EAN-8 and a valid UPC-E; gtin is then the EAN-8 reading',
        '  readings    with ambiguous: every GTIN the scan can be, [{"gtin","format"}], EAN-8 first',
        '  addOn       the 2- or 5-digit add-on read after an EAN/UPC (]E3); not part of the GTIN',
        '  digitalLink {"stem"} when the AIs came from a GS1 Digital Link URI; stem is the URI',
        '              before its primary key, e.g. "https://id.gs1.org"',
        '  ais         GS1 Application Identifiers and their values, in scan order (a Digital',
        '              Link: path AIs, then query AIs)',
        '  symbology   the AIM identifier the scanner sent, e.g. "]d2"',
        '  error       {"code","message"} instead of all the above when the scan is invalid (exit 1)',
      ].join('\n'),
    )
    .action(async (text: string | undefined, opts: { gs?: string }, command: Command) => {
      const write = command.configureOutput().writeOut ?? ((s: string) => process.stdout.write(s));
      let scan = text ?? decodeScanBytes(await readAll(input ?? process.stdin));
      if (scan !== null && opts.gs) scan = scan.split(opts.gs).join(GS);
      const result: ScanResult = scan === null ? { problem: 'invalid_text', message: 'The scan data on stdin is not valid UTF-8' } : interpretScan(scan);
      write(`${scanResultText(result)}\n`);
      // The process ends in one place (runCli); a CommanderError carries the exit code there.
      if (isScanProblem(result)) throw new CommanderError(1, 'packdesk.barcode.invalid', result.message);
    });
}
