import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, variantIds } from './support/vendure-orders';
import { startVendure, type VendureShop } from './support/vendure-server';
import { createSyncStation, ok, syncWithVendure, type SyncStation } from './support/sync-station';

// A real Vendure 3 that never defined a fragile custom field, and does not answer introspection
// either (as a shop may turn it off): the station must pull from it as it did before the mark.
const PORT = 3875;
let shop: VendureShop;
let s: SyncStation;

beforeAll(async () => {
  shop = await startVendure(PORT, { fragileField: false, introspection: false });
  s = createSyncStation();
  await syncWithVendure(s, shop.url);
}, 120_000);

afterAll(async () => {
  s?.close();
  await shop?.destroy();
});

describe('a Vendure shop without a fragile mark', () => {
  it('is pulled as before: products with their barcodes, none of them fragile, and its orders', async () => {
    const code = await placeOrder(shop.env, await variantIds(shop.env), [{ sku: 'VD-MUG-01', quantity: 1 }]);
    expect(await ok(s.call('sync.now', {}))).toMatchObject({ pulledProducts: 4, pulledOrders: 1, error: null });
    expect(['VD-MUG-01', 'VD-TEA-02', 'VD-BRUSH-03', 'VD-SOAP-04'].map((sku) => s.store.catalog.productBySku(sku)?.fragile)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(s.store.catalog.barcode('05901234123457')?.productId).toBe(s.store.catalog.productBySku('VD-MUG-01')?.id);
    expect(s.store.orders.byNumber(code)?.lines.map((l) => l.sku)).toEqual(['VD-MUG-01']);
  });
});
