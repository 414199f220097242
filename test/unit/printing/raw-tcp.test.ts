import { describe, expect, it } from 'vitest';
import { createRawTcpPrinter, parseRawTarget, sendRaw } from '../../../src/printing/raw-tcp';
import { freePort } from './cupsd';
import { listen } from './listener';

describe('raw TCP 9100 printing', () => {
  it('delivers the ZPL bytes exactly as given', async () => {
    const printer = await listen();
    const zpl = Buffer.from('^XA^CI28^FO50,50^A0N,40,40^FH^FDZa_C5_BC_C3_B3_C5_82_C4_87^FS^XZ\n', 'utf8');
    const outcome = await createRawTcpPrinter().print({ target: `127.0.0.1:${printer.port}`, format: 'zpl', raw: true }, zpl, 'test');
    expect(outcome).toEqual({ ok: true, printerJobRef: null });
    expect((await printer.received).equals(zpl)).toBe(true);
    await printer.close();
  });

  it('fails with a clear reason when nothing listens on the port', async () => {
    const port = await freePort();
    const outcome = await sendRaw(`127.0.0.1:${port}`, Buffer.from('^XA^XZ'), 2000);
    expect(outcome).toEqual({ ok: false, reason: `The label printer at 127.0.0.1:${port} refused the connection (off, or not a raw 9100 printer)` });
  });

  it('reads host, host:port and [v6]:port targets, 9100 by default', () => {
    expect(parseRawTarget('zebra-1')).toEqual({ host: 'zebra-1', port: 9100 });
    expect(parseRawTarget('10.0.0.5:6101')).toEqual({ host: '10.0.0.5', port: 6101 });
    expect(parseRawTarget('[::1]:9101')).toEqual({ host: '::1', port: 9101 });
  });
});
