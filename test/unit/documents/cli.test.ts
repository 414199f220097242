import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { bootStation } from '../../../src/boot/station';
import { registerDoc } from '../../../src/cli/commands/doc';
import { registerLabel } from '../../../src/cli/commands/label';
import { openDatabase } from '../../../src/storage/db';
import { createManifestRepository } from '../../../src/storage/repositories/manifests';
import { isSscc } from '../../../src/domain/barcode/sscc';
import { pdfBarcodes, pdfInfo, pdfText, scratchDir, zplBarcodes } from './tools';

async function demoDataDir(): Promise<{ dir: string; order: string }> {
  const dir = scratchDir();
  const booted = await bootStation({ dataDir: dir, host: 'cli', seedDemoIfEmpty: true, demoOrders: 3 });
  const order = booted.store.orders.list({ limit: 1, offset: 0 }).orders[0]?.number as string;
  await booted.close();
  return { dir, order };
}

async function run(args: string[]): Promise<void> {
  const program = new Command('packdesk').exitOverride();
  registerLabel(program);
  registerDoc(program);
  const quiet = { write: process.stdout.write, errWrite: process.stderr.write };
  process.stdout.write = (() => true) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    process.stdout.write = quiet.write;
    process.stderr.write = quiet.errWrite;
  }
}

describe('packdesk label / doc', () => {
  it('makes a PDF and a ZPL label for an order that is not packed yet', async () => {
    const { dir, order } = await demoDataDir();
    const pdf = path.join(dir, 'label.pdf');
    await run(['label', '--order', order, '--format', 'pdf', '--size', 'a6', '--out', pdf, '--data', dir]);
    const [codes] = pdfBarcodes(fs.readFileSync(pdf));
    const sscc = codes?.find((c) => c.startsWith('CODE-128:00'))?.slice('CODE-128:00'.length) as string;
    expect(isSscc(sscc)).toBe(true);
    expect(codes).toContain(`QR-Code:${order}`);
    expect(pdfText(fs.readFileSync(pdf))).toContain('1 of 1');

    const zpl = path.join(dir, 'label.zpl');
    await run(['label', '--order', order, '--format', 'zpl', '--dpi', '300', '--out', zpl, '--data', dir]);
    expect(await zplBarcodes(fs.readFileSync(zpl), { widthMm: 101.6, heightMm: 152.4 }, 300)).toContain(`QR-Code:${order}`);
  });

  it('makes the packing slip and the day manifest', async () => {
    const { dir, order } = await demoDataDir();
    const slip = path.join(dir, 'slip.pdf');
    await run(['doc', 'slip', '--order', order, '--out', slip, '--data', dir]);
    expect(pdfBarcodes(fs.readFileSync(slip), 200)).toEqual([[`CODE-128:RET-${order}`]]);

    const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
    const book = createManifestRepository(db);
    const manifest = book.openFor('inpost', '2026-03-02', '2026-03-02T08:00:00.000Z');
    book.addParcel(
      manifest.id,
      {
        orderNumber: order,
        parcelIndex: 1,
        trackingNumber: '620000000001PL',
        sscc: null,
        weightGrams: 800,
        shipTo: { name: 'A', postcode: '1', city: 'B', country: 'PL' },
      },
      '2026-03-02T09:00:00.000Z',
    );
    db.close();
    const out = path.join(dir, 'manifest.pdf');
    await run(['doc', 'manifest', '--carrier', 'inpost', '--date', '2026-03-02', '--out', out, '--data', dir]);
    expect(pdfInfo(fs.readFileSync(out)).Pages).toBe('1');
    expect(pdfBarcodes(fs.readFileSync(out), 200)).toEqual([['CODE-128:620000000001PL']]);
  });
});
