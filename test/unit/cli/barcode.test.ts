import { Readable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerBarcode } from '../../../src/cli/commands/barcode';

interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `barcode …` in-process the way runCli does: exit codes arrive as CommanderError. */
async function run(args: string[], stdin: Buffer | string = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const program = new Command('packdesk').exitOverride().configureOutput({ writeOut: (s) => (stdout += s), writeErr: (s) => (stderr += s) });
  registerBarcode(program, Readable.from([Buffer.isBuffer(stdin) ? stdin : Buffer.from(stdin)]));
  try {
    await program.parseAsync(['barcode', 'parse', ...args], { from: 'user' });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError) return { exitCode: error.exitCode, stdout, stderr };
    throw error;
  }
}

const json = (r: Run): unknown => JSON.parse(r.stdout);

describe('packdesk barcode parse', () => {
  it('prints a GTIN as 14 digits', async () => {
    const r = await run(['036000291452']);
    expect(r.exitCode).toBe(0);
    expect(json(r)).toEqual({ kind: 'gtin', gtin: '00036000291452' });
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('prints both readings of an unmarked 8-digit code that is EAN-8 and UPC-E alike', async () => {
    const r = await run(['01234565']);
    expect(r.exitCode).toBe(0);
    expect(json(r)).toEqual({
      kind: 'gtin',
      gtin: '00000001234565',
      ambiguous: true,
      readings: [
        { gtin: '00000001234565', format: 'EAN-8' },
        { gtin: '00012345000065', format: 'UPC-E' },
      ],
    });
    expect(json(await run([']E001234565']))).toEqual({ kind: 'gtin', gtin: '00012345000065', symbology: ']E0' });
    expect(json(await run([']E3590123412345712']))).toEqual({ kind: 'gtin', gtin: '05901234123457', addOn: '12', symbology: ']E3' });
  });

  it('reads raw scan bytes from stdin, GS kept and one newline stripped', async () => {
    const bytes = Buffer.concat([Buffer.from(']d2010950110153000310ABC'), Buffer.from([0x1d]), Buffer.from('21S1\n')]);
    const r = await run([], bytes);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('"ais":{"01":"09501101530003","10":"ABC","21":"S1"},"symbology":"]d2"}');
    expect(json(r)).toEqual({
      kind: 'gs1',
      gtin: '09501101530003',
      ais: { '01': '09501101530003', '10': 'ABC', '21': 'S1' },
      symbology: ']d2',
    });
  });

  it('prints the bracketed form, SSCCs, SKUs and text', async () => {
    expect(json(await run(['(01)09501101530003(17)251231(10)ABC']))).toEqual({
      kind: 'gs1',
      gtin: '09501101530003',
      ais: { '01': '09501101530003', '17': '251231', '10': 'ABC' },
    });
    expect(json(await run(['123456789012345675']))).toEqual({ kind: 'sscc', sscc: '123456789012345675' });
    expect(json(await run(['SKU-0042']))).toEqual({ kind: 'sku' });
    expect(json(await run(['hello world']))).toEqual({ kind: 'text' });
  });

  it('prints the AIs of a GS1 Digital Link URI, path first, with its stem', async () => {
    const r = await run(['https://id.gs1.org/01/09501101530003/10/ABC?17=261231']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('"ais":{"01":"09501101530003","10":"ABC","17":"261231"}');
    expect(json(r)).toEqual({
      kind: 'gs1',
      gtin: '09501101530003',
      digitalLink: { stem: 'https://id.gs1.org' },
      ais: { '01': '09501101530003', '10': 'ABC', '17': '261231' },
    });
    expect(json(await run(['https://id.gs1.org/01/09501101530004']))).toMatchObject({ error: { code: 'BAD_CHECK_DIGIT' } });
    expect(json(await run(['https://example.com/about']))).toEqual({ kind: 'text' });
    expect((await run(['--help'])).stdout).toContain('digitalLink');
  });

  it('maps a substitute to GS with --gs', async () => {
    const r = await run(['--gs', '<GS>', ']C110LOT1<GS>0109501101530003']);
    expect(json(r)).toMatchObject({ kind: 'gs1', ais: { '10': 'LOT1', '01': '09501101530003' } });
  });

  it('exits 1 with an UPPER_SNAKE error code on a bad check digit', async () => {
    const r = await run(['4006381333932']);
    expect(r.exitCode).toBe(1);
    expect(json(r)).toEqual({ error: { code: 'BAD_CHECK_DIGIT', message: expect.stringContaining('4006381333932') } });
  });

  it('exits 1 on invalid GS1 data, naming the AI', async () => {
    const r = await run([], Buffer.from(']d201095011015300031725133'));
    expect(r.exitCode).toBe(1);
    expect(json(r)).toEqual({ error: { code: 'GS1_INVALID', message: expect.stringContaining('(17)') } });
  });

  it('exits 1 on empty input, control characters and invalid UTF-8', async () => {
    expect(json(await run([], '\n'))).toMatchObject({ error: { code: 'EMPTY' } });
    expect(json(await run([], Buffer.from([0x41, 0x07, 0x42])))).toMatchObject({ error: { code: 'CONTROL_CHARACTERS' } });
    const invalid = await run([], Buffer.from([0x41, 0xff, 0xfe]));
    expect(invalid.exitCode).toBe(1);
    expect(json(invalid)).toMatchObject({ error: { code: 'INVALID_TEXT' } });
  });

  it('has --help', async () => {
    const r = await run(['--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Usage: packdesk barcode parse');
    expect(r.stdout).toContain('stdin');
  });
});
