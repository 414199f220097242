import type { Database } from 'better-sqlite3';
import type { CatalogImport, CatalogRepository } from '../../app/ports/store';
import { gtinReadings } from '../../domain/barcode';
import type { Barcode, BoxType, KitComponent, Product, Tracking } from '../../domain/catalog';
import type { NonReturnableReason } from '../../domain/returns/types';
import { StationFailure } from '../../contract/errors';

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  weight_grams: number;
  tracking: string;
  refuse_expired: number;
  returnable: number;
  non_returnable_reason: string | null;
  is_kit: number;
  fragile: number;
}

interface BoxRow {
  id: number;
  code: string;
  name: string;
  tare_grams: number;
  length_mm: number;
  width_mm: number;
  height_mm: number;
}

const PRODUCT_COLUMNS = 'id, sku, name, weight_grams, tracking, refuse_expired, returnable, non_returnable_reason, is_kit, fragile';

function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    weightGrams: row.weight_grams,
    tracking: row.tracking as Tracking,
    refuseExpired: row.refuse_expired === 1,
    returnable: row.returnable === 1,
    nonReturnableReason: row.non_returnable_reason as NonReturnableReason | null,
    isKit: row.is_kit === 1,
    fragile: row.fragile === 1,
  };
}

function toBox(row: BoxRow): BoxType {
  return { id: row.id, code: row.code, name: row.name, tareGrams: row.tare_grams, lengthMm: row.length_mm, widthMm: row.width_mm, heightMm: row.height_mm };
}

const flag = (value: boolean): number => (value ? 1 : 0);
/** A mark as the import gave it, or null where it said nothing (the product keeps its own). */
const givenFlag = (value: boolean | undefined): number | null => (value === undefined ? null : flag(value));

/** The upsert's parameters: the station's marks null where the import left them out. */
interface ProductParams {
  sku: string;
  name: string;
  weight_grams: number | null;
  tracking: string | null;
  refuse_expired: number | null;
  returnable: number | null;
  non_returnable_reason: string | null;
  is_kit: number | null;
  fragile: number | null;
}

export function createCatalogRepository(db: Database): CatalogRepository {
  const productBySku = db.prepare<[string], ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE sku = ?`);
  const productById = db.prepare<[number], ProductRow>(`SELECT ${PRODUCT_COLUMNS} FROM products WHERE id = ?`);
  const barcode = db.prepare<[string], { code: string; product_id: number; units_per_scan: number }>(
    'SELECT code, product_id, units_per_scan FROM barcodes WHERE code = ?',
  );
  const barcodesOf = db.prepare<[number], { code: string; product_id: number; units_per_scan: number }>(
    'SELECT code, product_id, units_per_scan FROM barcodes WHERE product_id = ? ORDER BY code',
  );
  const kitComponents = db.prepare<[number], { kit_product_id: number; component_product_id: number; quantity: number }>(
    'SELECT kit_product_id, component_product_id, quantity FROM kit_components WHERE kit_product_id = ? ORDER BY component_product_id',
  );
  const boxes = db.prepare<[], BoxRow>(
    'SELECT id, code, name, tare_grams, length_mm, width_mm, height_mm FROM box_types WHERE active = 1 ORDER BY tare_grams, code',
  );
  const allBoxes = db.prepare<[], BoxRow & { active: number }>(
    'SELECT id, code, name, tare_grams, length_mm, width_mm, height_mm, active FROM box_types ORDER BY active DESC, tare_grams, code',
  );
  const saveBox = db.prepare<[Omit<BoxRow, 'id'> & { active: number }]>(
    `INSERT INTO box_types (code, name, tare_grams, length_mm, width_mm, height_mm, active)
     VALUES (@code, @name, @tare_grams, @length_mm, @width_mm, @height_mm, @active)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, tare_grams = excluded.tare_grams,
       length_mm = excluded.length_mm, width_mm = excluded.width_mm, height_mm = excluded.height_mm, active = excluded.active`,
  );
  const productCount = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM products');

  // An import updates products in place (by SKU) so order lines keep pointing at them. A mark the
  // import leaves out (null here: a shop's pull) keeps the product's own, or the default when new.
  const upsertProduct = db.prepare<[ProductParams], { id: number }>(
    `INSERT INTO products (sku, name, weight_grams, tracking, refuse_expired, returnable, non_returnable_reason, is_kit, fragile)
     VALUES (@sku, @name, coalesce(@weight_grams, 0), coalesce(@tracking, 'none'), coalesce(@refuse_expired, 0), coalesce(@returnable, 1),
       CASE WHEN coalesce(@returnable, 1) = 1 THEN NULL ELSE @non_returnable_reason END, coalesce(@is_kit, 0), coalesce(@fragile, 0))
     ON CONFLICT (sku) DO UPDATE SET name = excluded.name, weight_grams = coalesce(@weight_grams, products.weight_grams),
       tracking = coalesce(@tracking, products.tracking), refuse_expired = coalesce(@refuse_expired, products.refuse_expired),
       returnable = coalesce(@returnable, products.returnable), is_kit = coalesce(@is_kit, products.is_kit),
       fragile = coalesce(@fragile, products.fragile),
       -- an import that does not say why keeps the reason a product had, while it stays not returnable
       non_returnable_reason = CASE WHEN coalesce(@returnable, products.returnable) = 1 THEN NULL
         ELSE coalesce(@non_returnable_reason, products.non_returnable_reason) END
     RETURNING id`,
  );
  const upsertBarcode = db.prepare<[string, number, number]>(
    `INSERT INTO barcodes (code, product_id, units_per_scan) VALUES (?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET product_id = excluded.product_id, units_per_scan = excluded.units_per_scan`,
  );
  const claimBarcode = db.prepare<[string, number, number]>(
    `INSERT INTO barcodes (code, product_id, units_per_scan) VALUES (?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET units_per_scan = excluded.units_per_scan WHERE barcodes.product_id = excluded.product_id`,
  );
  /**
   * Codes are kept the way scans are looked up: a valid GTIN of any length as its GTIN-14, anything
   * else as sent. An 8-digit code that is a valid EAN-8 and a valid UPC-E is kept under both
   * readings, since an unmarked scan of it is looked up under both. The shop did not say which it
   * meant, so such a reading never takes a code another product has; a code sent unambiguously does.
   */
  const storeBarcode = (code: string, productId: number, unitsPerScan: number): void => {
    const readings = gtinReadings(code);
    if (readings.length > 1) for (const r of readings) claimBarcode.run(r.gtin, productId, unitsPerScan);
    else upsertBarcode.run(readings[0]?.gtin ?? code, productId, unitsPerScan);
  };
  const clearKit = db.prepare<[number]>('DELETE FROM kit_components WHERE kit_product_id = ?');
  const insertComponent = db.prepare<[number, number, number]>('INSERT INTO kit_components (kit_product_id, component_product_id, quantity) VALUES (?, ?, ?)');
  const upsertBox = db.prepare<[Omit<BoxRow, 'id'>]>(
    `INSERT INTO box_types (code, name, tare_grams, length_mm, width_mm, height_mm)
     VALUES (@code, @name, @tare_grams, @length_mm, @width_mm, @height_mm)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, tare_grams = excluded.tare_grams,
       length_mm = excluded.length_mm, width_mm = excluded.width_mm, height_mm = excluded.height_mm`,
  );

  const importAll = db.transaction((catalog: CatalogImport) => {
    for (const p of catalog.products) {
      const { id } = upsertProduct.get({
        sku: p.sku,
        name: p.name,
        weight_grams: p.weightGrams ?? null,
        tracking: p.tracking ?? null,
        refuse_expired: givenFlag(p.refuseExpired),
        returnable: givenFlag(p.returnable),
        non_returnable_reason: p.returnable === true ? null : (p.nonReturnableReason ?? null),
        is_kit: givenFlag(p.isKit),
        fragile: givenFlag(p.fragile),
      })!;
      for (const b of p.barcodes) storeBarcode(b.code, id, b.unitsPerScan);
    }
    const unknown = new Set<string>();
    const idOf = (sku: string): number => {
      const row = productBySku.get(sku);
      if (!row) unknown.add(sku);
      return row?.id ?? 0;
    };
    const kits = catalog.kits.map((k) => ({ kitId: idOf(k.kitSku), components: k.components.map((c) => ({ id: idOf(c.sku), quantity: c.quantity })) }));
    if (unknown.size > 0) {
      throw new StationFailure('VALIDATION_FAILED', `The catalogue's kits name SKUs that are not products: ${[...unknown].join(', ')}.`, {
        skus: [...unknown].join(','),
      });
    }
    for (const kit of kits) {
      clearKit.run(kit.kitId);
      for (const c of kit.components) insertComponent.run(kit.kitId, c.id, c.quantity);
    }
    for (const b of catalog.boxes) {
      upsertBox.run({ code: b.code, name: b.name, tare_grams: b.tareGrams, length_mm: b.lengthMm, width_mm: b.widthMm, height_mm: b.heightMm });
    }
  });

  return {
    productBySku(sku) {
      const row = productBySku.get(sku);
      return row ? toProduct(row) : null;
    },
    productById(id) {
      const row = productById.get(id);
      return row ? toProduct(row) : null;
    },
    barcode(code): Barcode | null {
      const row = barcode.get(code);
      return row ? { code: row.code, productId: row.product_id, unitsPerScan: row.units_per_scan } : null;
    },
    barcodesOf(productId) {
      return barcodesOf.all(productId).map((row) => ({ code: row.code, productId: row.product_id, unitsPerScan: row.units_per_scan }));
    },
    kitComponents(kitProductId): KitComponent[] {
      return kitComponents.all(kitProductId).map((row) => ({
        kitProductId: row.kit_product_id,
        componentProductId: row.component_product_id,
        quantity: row.quantity,
      }));
    },
    boxes() {
      return boxes.all().map(toBox);
    },
    allBoxes() {
      return allBoxes.all().map((row) => ({ ...toBox(row), active: row.active === 1 }));
    },
    saveBox(box) {
      saveBox.run({
        code: box.code,
        name: box.name,
        tare_grams: box.tareGrams,
        length_mm: box.lengthMm,
        width_mm: box.widthMm,
        height_mm: box.heightMm,
        active: flag(box.active),
      });
    },
    productCount() {
      return productCount.get()!.n;
    },
    importCatalog(catalog) {
      importAll(catalog);
    },
  };
}
