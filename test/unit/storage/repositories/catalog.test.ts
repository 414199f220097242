import { describe, expect, it } from 'vitest';
import { StationFailure } from '../../../../src/contract/errors';
import { openTestStore, sampleCatalog } from '../fixtures';

describe('catalog repository', () => {
  it('imports products with their barcodes, kits and boxes, and reads them back as domain types', () => {
    const { store } = openTestStore();
    store.catalog.importCatalog(sampleCatalog());
    expect(store.catalog.productCount()).toBe(4);
    const mug = store.catalog.productBySku('MUG-RED')!;
    expect(mug).toEqual({
      id: mug.id,
      sku: 'MUG-RED',
      name: 'Red mug',
      weightGrams: 250,
      tracking: 'none',
      refuseExpired: false,
      returnable: true,
      nonReturnableReason: null,
      isKit: false,
      fragile: false,
    });
    expect(store.catalog.productById(mug.id)).toEqual(mug);
    const tea = store.catalog.productBySku('TEA-GREEN')!;
    expect(tea).toMatchObject({ tracking: 'lot', refuseExpired: true, weightGrams: 112.5 });
    expect(store.catalog.productBySku('LAMP-01')).toMatchObject({ tracking: 'serial', returnable: false });
    expect(store.catalog.productBySku('NOPE')).toBeNull();

    expect(store.catalog.barcode('15901234123454')).toEqual({ code: '15901234123454', productId: mug.id, unitsPerScan: 6 });
    expect(store.catalog.barcode('0000')).toBeNull();
    expect(store.catalog.barcodesOf(mug.id).map((b) => b.unitsPerScan)).toEqual([1, 6]);

    const kit = store.catalog.productBySku('GIFT-SET')!;
    expect(kit.isKit).toBe(true);
    expect(store.catalog.kitComponents(kit.id)).toEqual([
      { kitProductId: kit.id, componentProductId: mug.id, quantity: 2 },
      { kitProductId: kit.id, componentProductId: tea.id, quantity: 1 },
    ]);
    expect(store.catalog.boxes().map((b) => [b.code, b.tareGrams, b.lengthMm])).toEqual([
      ['B-S', 80, 200],
      ['B-L', 240, 400],
    ]);
  });

  it('re-importing updates products in place, keeping their ids, and replaces a kit', () => {
    const { store } = openTestStore();
    store.catalog.importCatalog(sampleCatalog());
    const before = store.catalog.productBySku('MUG-RED')!;
    const next = sampleCatalog();
    next.products[0] = { ...next.products[0]!, name: 'Red mug 300 ml', weightGrams: 310, fragile: true };
    next.kits = [{ kitSku: 'GIFT-SET', components: [{ sku: 'LAMP-01', quantity: 1 }] }];
    store.catalog.importCatalog(next);
    expect(store.catalog.productBySku('MUG-RED')).toEqual({ ...before, name: 'Red mug 300 ml', weightGrams: 310, fragile: true });
    // An import that says it is not fragile takes the mark off.
    store.catalog.importCatalog({ ...next, products: [{ ...next.products[0]!, fragile: false }] });
    expect(store.catalog.productBySku('MUG-RED')?.fragile).toBe(false);
    const kit = store.catalog.productBySku('GIFT-SET')!;
    expect(store.catalog.kitComponents(kit.id).map((c) => c.componentProductId)).toEqual([store.catalog.productBySku('LAMP-01')!.id]);
    expect(store.catalog.productCount()).toBe(4);
  });

  it("keeps the station's own marks when a shop's record leaves them out, and gives a new product the defaults", () => {
    const { store } = openTestStore();
    const catalog = sampleCatalog();
    catalog.products[0] = { ...catalog.products[0]!, fragile: true };
    catalog.products[2] = { ...catalog.products[2]!, nonReturnableReason: 'hygiene' };
    store.catalog.importCatalog(catalog);
    const before = ['MUG-RED', 'TEA-GREEN', 'LAMP-01', 'GIFT-SET'].map((sku) => store.catalog.productBySku(sku)!);
    // What a shop's pull gives: its name, weight and codes, nothing of tracking, returns, kits or fragility.
    const shop = (sku: string) => ({ sku, name: `${sku} (shop)`, weightGrams: 999, barcodes: [{ code: `${sku}-CODE`, unitsPerScan: 1 }] });
    store.catalog.importCatalog({ products: [...before.map((p) => shop(p.sku)), shop('NEW-1')], kits: [], boxes: [] });
    for (const product of before) {
      expect(store.catalog.productBySku(product.sku)).toEqual({ ...product, name: `${product.sku} (shop)`, weightGrams: 999 });
    }
    expect(store.catalog.productBySku('LAMP-01')).toMatchObject({ tracking: 'serial', returnable: false, nonReturnableReason: 'hygiene' });
    const kit = store.catalog.productBySku('GIFT-SET')!;
    expect(kit.isKit).toBe(true);
    expect(store.catalog.kitComponents(kit.id)).toHaveLength(2);
    expect(store.catalog.productBySku('NEW-1')).toMatchObject({
      tracking: 'none',
      refuseExpired: false,
      returnable: true,
      nonReturnableReason: null,
      isKit: false,
      fragile: false,
    });
    // A shop that has the mark and says "not fragile" takes it off.
    store.catalog.importCatalog({ products: [{ ...shop('MUG-RED'), fragile: false }], kits: [], boxes: [] });
    expect(store.catalog.productBySku('MUG-RED')?.fragile).toBe(false);
    // Saying "returnable" clears the reason; saying "not returnable" without one keeps it.
    store.catalog.importCatalog({ products: [{ ...shop('LAMP-01'), returnable: false }], kits: [], boxes: [] });
    expect(store.catalog.productBySku('LAMP-01')).toMatchObject({ returnable: false, nonReturnableReason: 'hygiene' });
    store.catalog.importCatalog({ products: [{ ...shop('LAMP-01'), returnable: true }], kits: [], boxes: [] });
    expect(store.catalog.productBySku('LAMP-01')).toMatchObject({ returnable: true, nonReturnableReason: null });
  });

  it('refuses a kit naming an unknown SKU and writes nothing of that import', () => {
    const { store } = openTestStore();
    const catalog = sampleCatalog();
    catalog.kits.push({ kitSku: 'GIFT-SET', components: [{ sku: 'GHOST-1', quantity: 1 }] });
    let failure: unknown;
    try {
      store.catalog.importCatalog(catalog);
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(StationFailure);
    expect((failure as StationFailure).code).toBe('VALIDATION_FAILED');
    expect((failure as StationFailure).message).toContain('GHOST-1');
    expect(store.catalog.productCount()).toBe(0);
  });
});
