import { describe, it, expect } from 'vitest';
import { hasValidCheckDigit } from '../../../../src/domain/barcode/gtin';
import { caseCode, demoCatalog, demoShop, DEMO_BOXES } from '../../../../src/app/demo/catalog';

const catalog = demoCatalog();
const products = catalog.products;
const bySku = new Map(products.map((p) => [p.sku, p]));
const isRetail = (code: string, units: number) => units === 1 && /^\d{14}$/.test(code);

describe('demo catalog', () => {
  it('is the same shop every time', () => {
    expect(demoCatalog()).toEqual(catalog);
  });

  it('holds more than 220 products with unique SKUs like KB-1042', () => {
    expect(products.length).toBeGreaterThanOrEqual(220);
    expect(bySku.size).toBe(products.length);
    for (const p of products) {
      expect(p.sku).toMatch(/^[A-Z]{2}-\d{4}$/);
      expect(p.name.length).toBeGreaterThan(3);
      expect(Number.isInteger(p.weightGrams) && p.weightGrams > 0).toBe(true);
    }
  });

  it('stores every barcode as a valid GTIN-14 or as the SKU label itself, each code once', () => {
    const codes = products.flatMap((p) => p.barcodes.map((b) => b.code));
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of products) {
      expect(p.barcodes.length).toBeGreaterThan(0);
      for (const b of p.barcodes) {
        if (b.code === p.sku) continue;
        expect(b.code).toMatch(/^\d{14}$/);
        expect(hasValidCheckDigit(b.code), `${p.sku} ${b.code}`).toBe(true);
      }
    }
  });

  it('mixes Polish EAN-13, UPC-A, second barcodes and SKU labels', () => {
    const retail = products.flatMap((p) => p.barcodes.filter((b) => isRetail(b.code, b.unitsPerScan)).map((b) => b.code));
    expect(retail.filter((c) => c.startsWith('0590')).length).toBeGreaterThan(150);
    // UPC-A is 12 digits, so two zeros pad it to 14.
    expect(retail.filter((c) => c.startsWith('00')).length).toBeGreaterThanOrEqual(5);
    const twoBarcodes = products.filter((p) => p.barcodes.filter((b) => isRetail(b.code, b.unitsPerScan)).length >= 2);
    expect(twoBarcodes.length).toBeGreaterThanOrEqual(Math.floor(products.length * 0.07));
    const skuLabels = products.filter((p) => p.barcodes.some((b) => b.code === p.sku));
    expect(skuLabels.length).toBeGreaterThanOrEqual(8);
    for (const p of skuLabels) expect(p.barcodes).toEqual([{ code: p.sku, unitsPerScan: 1 }]);
  });

  it('has case codes of 6 and 12 units that name the same item as the retail code', () => {
    const cased = products.filter((p) => p.barcodes.some((b) => b.unitsPerScan > 1));
    expect(cased.length).toBeGreaterThanOrEqual(10);
    const units = new Set(cased.flatMap((p) => p.barcodes.map((b) => b.unitsPerScan)));
    expect(units).toEqual(new Set([1, 6, 12]));
    for (const p of cased) {
      const retail = p.barcodes[0]!;
      const pack = p.barcodes.find((b) => b.unitsPerScan > 1)!;
      expect(Number(pack.code[0])).toBeGreaterThanOrEqual(1);
      expect(Number(pack.code[0])).toBeLessThanOrEqual(8);
      expect(pack.code.slice(1, 13)).toBe(retail.code.slice(1, 13));
      expect(demoShop().caseUnits.get(p.sku)).toBe(pack.unitsPerScan);
    }
  });

  it('derives a case code with a recomputed check digit (GS1 example)', () => {
    expect(caseCode('00012345678905', 1)).toBe('10012345678902');
  });

  it('has serial-numbered electronics, lot-tracked cosmetics and supplements, and non-returnable hygiene', () => {
    const serial = products.filter((p) => p.tracking === 'serial');
    const lot = products.filter((p) => p.tracking === 'lot');
    expect(serial.length).toBeGreaterThanOrEqual(12);
    expect(lot.length).toBeGreaterThanOrEqual(12);
    expect(lot.filter((p) => p.refuseExpired).length).toBeGreaterThanOrEqual(5);
    expect(lot.filter((p) => !p.refuseExpired).length).toBeGreaterThanOrEqual(3);
    expect(products.filter((p) => p.refuseExpired && p.tracking !== 'lot')).toEqual([]);
    expect(products.filter((p) => !p.returnable).length).toBeGreaterThanOrEqual(4);
  });

  it('marks glass, porcelain, ceramics, bulbs and lamps fragile, and a kit holding any of them', () => {
    const fragile = products.filter((p) => p.fragile);
    expect(fragile.length).toBeGreaterThanOrEqual(10);
    expect(fragile.length).toBeLessThan(products.length / 4);
    for (const name of ['Wazon ceramiczny', 'Filiżanka porcelanowa', 'Pojemnik szklany', 'Doniczka ceramiczna', 'Żarówka LED', 'Lampa pierścieniowa']) {
      expect(
        fragile.some((p) => p.name.startsWith(name)),
        name,
      ).toBe(true);
    }
    for (const name of ['Ręcznik', 'Kabel', 'Koc', 'Rękawice'])
      expect(
        products.filter((p) => p.name.startsWith(name) && p.fragile),
        name,
      ).toEqual([]);
    for (const kit of catalog.kits) {
      expect(bySku.get(kit.kitSku)!.fragile, kit.kitSku).toBe(kit.components.some((c) => bySku.get(c.sku)!.fragile));
    }
    expect(catalog.kits.some((k) => bySku.get(k.kitSku)!.fragile)).toBe(true);
  });

  it('lists each kit with two to four existing components and a weight of at least its parts', () => {
    const kits = products.filter((p) => p.isKit);
    expect(kits.length).toBeGreaterThanOrEqual(8);
    expect(catalog.kits.map((k) => k.kitSku).sort()).toEqual(kits.map((k) => k.sku).sort());
    for (const kit of catalog.kits) {
      expect(kit.components.length).toBeGreaterThanOrEqual(2);
      expect(kit.components.length).toBeLessThanOrEqual(4);
      let parts = 0;
      for (const c of kit.components) {
        const component = bySku.get(c.sku);
        expect(component?.isKit).toBe(false);
        expect(c.quantity).toBeGreaterThanOrEqual(1);
        parts += component!.weightGrams * c.quantity;
      }
      expect(bySku.get(kit.kitSku)!.weightGrams).toBeGreaterThanOrEqual(parts);
    }
  });

  it('offers envelopes, cartons and an oversize box, each with a tare', () => {
    expect(catalog.boxes).toEqual(DEMO_BOXES);
    expect(new Set(catalog.boxes.map((b) => b.code)).size).toBe(catalog.boxes.length);
    expect(catalog.boxes).toContainEqual(expect.objectContaining({ code: 'K1', lengthMm: 200, widthMm: 150, heightMm: 100, tareGrams: 120 }));
    for (const box of catalog.boxes) {
      expect(box.tareGrams).toBeGreaterThan(0);
      expect(Math.min(box.lengthMm, box.widthMm, box.heightMm)).toBeGreaterThan(0);
    }
  });
});
