import { describe, expect, it } from 'vitest';
import { cleanZpl } from '../../../src/domain/zpl-clean';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const clean = (s: string) => {
  const result = cleanZpl(bytes(s));
  return { zpl: text(result.bytes), removed: result.removed };
};

describe('cleaning ZPL from a carrier', () => {
  it('takes out the print mode, calibration, saving and darkness commands and nothing else, byte for byte', () => {
    const label = '~JC~SD25^XA^MMT^PW812^LL1218^MD10^JUS^FO50,50^A0N,40,40^FDJan Kowalski^FS^BY3^FO50,120^BCN,120,Y,N,N^FD620000000000000000000001^FS^PQ1^XZ';
    expect(clean(label)).toEqual({
      zpl: '^XA^PW812^LL1218^FO50,50^A0N,40,40^FDJan Kowalski^FS^BY3^FO50,120^BCN,120,Y,N,N^FD620000000000000000000001^FS^PQ1^XZ',
      removed: ['~JC', '~SD25', '^MMT', '^MD10', '^JUS'],
    });
  });

  it('leaves a label without such commands exactly as it came, line breaks and all', () => {
    const label = '^XA\r\n^CI28\r\n^FO10,10^A0N,30,30^FH^FDZa_C5_BC_C3_B3_C5_82_C4_87 g_C4_99_C5_9Bl_C4_85 ja_C5_BA_C5_84^FS\r\n^XZ\r\n';
    expect(clean(label)).toEqual({ zpl: label, removed: [] });
  });

  it('takes the trailing line break with a removed command, so no stray blank lines pile up', () => {
    expect(clean('^XA\n^MMP\n^JUS\n^FO0,0^GB100,100,3^FS\n^XZ\n').zpl).toBe('^XA\n^FO0,0^GB100,100,3^FS\n^XZ\n');
  });

  it('drops a settings-only format whole, so it cannot feed a blank label', () => {
    const zpl = '^XA^MMT^MNY^MTD^JUS^XZ\n^XA^FO0,0^GB10,10,1^FS^XZ';
    expect(clean(zpl)).toEqual({ zpl: '^XA^FO0,0^GB10,10,1^FS^XZ', removed: ['^MMT', '^MNY', '^MTD', '^JUS'] });
  });

  it('keeps a format that was empty to begin with', () => {
    expect(clean('^XA^XZ').zpl).toBe('^XA^XZ');
  });

  it('removes the printer-wide control commands: reset, cancel all, backfeed, label length, configuration label', () => {
    expect(clean('~JR~JA~JSN~JL~WC^XA^JZY^MFN,N^KPPASS^KNPRINTER^FO0,0^GB1,1,1^FS^XZ')).toEqual({
      zpl: '^XA^FO0,0^GB1,1,1^FS^XZ',
      removed: ['~JR', '~JA', '~JSN', '~JL', '~WC', '^JZY', '^MFN,N', '^KPPASS', '^KNPRINTER'],
    });
  });

  it('follows a changed format prefix, so a command written with it is still found', () => {
    expect(clean('^XA^CC!!MMP!FO0,0!GB1,1,1!FS!XZ')).toEqual({ zpl: '^XA^CC!!FO0,0!GB1,1,1!FS!XZ', removed: ['!MMP'] });
  });

  it('follows a changed control prefix too', () => {
    expect(clean('~CT+^XA+JC+SD30^FO0,0^GB1,1,1^FS^XZ')).toEqual({ zpl: '~CT+^XA^FO0,0^GB1,1,1^FS^XZ', removed: ['+JC', '+SD30'] });
  });

  it('steps over binary graphics, so picture bytes that look like ^MM are never cut', () => {
    const picture = Buffer.from([0x5e, 0x4d, 0x4d, 0x54, 0x7e, 0x4a, 0x43, 0x00, 0xff, 0x5e]);
    const before = Buffer.concat([Buffer.from(`^XA^FO0,0^GFB,${picture.length},${picture.length},1,`, 'latin1'), picture, Buffer.from('^FS^MMT^XZ', 'latin1')]);
    const after = Buffer.concat([Buffer.from(`^XA^FO0,0^GFB,${picture.length},${picture.length},1,`, 'latin1'), picture, Buffer.from('^FS^XZ', 'latin1')]);
    const result = cleanZpl(new Uint8Array(before));
    expect(Buffer.from(result.bytes).equals(after)).toBe(true);
    expect(result.removed).toEqual(['^MMT']);
  });

  it('steps over a binary ~DY download the same way', () => {
    const data = Buffer.from([0x7e, 0x4a, 0x52, 0x5e, 0x4a, 0x55, 0x53]);
    const zpl = Buffer.concat([Buffer.from(`~DYR:LOGO,B,G,${data.length},1,`, 'latin1'), data, Buffer.from('^XA^XGR:LOGO.GRF^FS^XZ', 'latin1')]);
    const result = cleanZpl(new Uint8Array(zpl));
    expect(Buffer.from(result.bytes).equals(zpl)).toBe(true);
  });

  it('keeps what shapes this label: width, length, home, speed, quantity, character set', () => {
    const zpl = '^XA^PW800^LL1200^LH0,0^LT0^PR4^PQ2^CI28^POI^FO0,0^GB1,1,1^FS^XZ';
    expect(clean(zpl)).toEqual({ zpl, removed: [] });
  });
});
