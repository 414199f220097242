import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyEvidence } from '../../../src/evidence/verify';
import { readZip, writeZip } from '../../../src/evidence/zip';
import { DESK, gradedReturn, ok } from '../app/returns/fixture';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('a photo of the dented mug')]);

/** The evidence package of an order that came back: graded, photographed, decided and closed at the returns desk. */
async function returnedOrderPackage() {
  const { fx, call, number, items } = await gradedReturn();
  await ok(call('returns.photo.add', { number, itemId: items.mug, mimeType: 'image/png', data: PNG.toString('base64') }, DESK));
  await ok(call('returns.decide', { number, refund: { amountMinor: 4999, currency: 'PLN' } }, DESK));
  await ok(call('returns.close', { number }, DESK));
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  const made = await ok(call('review.evidence', { orderNumber: 'PD-200001' }));
  return { number, zip: fs.readFileSync(fx.station.mediaFile('evidence', made.file)!) };
}

describe('the evidence package of a returned order', () => {
  it('holds the return: its photos and its journal entries beside the packing, and verifies', async () => {
    const { number, zip } = await returnedOrderPackage();
    const files = await readZip(zip);
    const photos = files.filter((e) => e.name.startsWith(`returns/${number}/`));
    expect(photos.map((p) => p.name)).toEqual([expect.stringMatching(new RegExp(`^returns/${number}/photo-\\d+\\.png$`))]);
    expect(Buffer.from(photos[0]!.bytes)).toEqual(PNG);
    const entries = JSON.parse(files.find((e) => e.name === 'journal/entries.json')!.bytes.toString()) as { type: string }[];
    expect(entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['pack.completed', 'returns.opened', 'returns.item.graded', 'returns.photo', 'returns.decided', 'returns.closed']),
    );
    const check = await verifyEvidence(zip);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ ok: true, orderNumber: 'PD-200001', photos: 1 });
  });

  it('detects a return photo that was changed, even with the manifest left alone', async () => {
    const { number, zip } = await returnedOrderPackage();
    const files = await readZip(zip);
    const changed = await writeZip(
      files.map((e) => (e.name.startsWith(`returns/${number}/`) ? { name: e.name, bytes: Buffer.concat([Buffer.from(e.bytes), Buffer.from('!')]) } : e)),
    );
    const check = await verifyEvidence(changed);
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(new RegExp(`returns/${number}/photo-\\d+\\.png was changed`));
  });

  it('detects a return photo swapped with its sum in the manifest made to match: no returns.photo entry recorded it', async () => {
    const { number, zip } = await returnedOrderPackage();
    const files = await readZip(zip);
    const manifest = JSON.parse(files.find((e) => e.name === 'manifest.json')!.bytes.toString()) as { files: Record<string, string> };
    const photo = Object.keys(manifest.files).find((n) => n.startsWith(`returns/${number}/`))!;
    // Same name, other bytes, the manifest's sum made to match: the signature breaks, and the photo matches no entry.
    const other = Buffer.concat([PNG, Buffer.from('swapped')]);
    const { sha256Hex } = await import('../../../src/evidence/manifest');
    manifest.files[photo] = sha256Hex(other);
    const swapped = await writeZip(
      files.map((e) =>
        e.name === photo ? { name: e.name, bytes: other } : e.name === 'manifest.json' ? { name: e.name, bytes: Buffer.from(JSON.stringify(manifest)) } : e,
      ),
    );
    const check = await verifyEvidence(swapped);
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(new RegExp(`${photo.replace(/[.]/g, '\\.')} is not the photo any returns.photo entry of this order recorded`));
  });
});
