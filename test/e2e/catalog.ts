import path from 'node:path';
import Database from 'better-sqlite3';

export interface CatalogLine {
  sku: string;
  name: string;
  quantity: number;
  tracking: 'none' | 'serial' | 'lot';
  isKit: boolean;
  /** Barcodes of the product, with the units one scan counts. */
  codes: { code: string; units: number }[];
  /** A kit's components: SKU, quantity per kit and the single-unit barcode. */
  parts: { sku: string; perKit: number; code: string }[];
}

/**
 * The demo shop as the station stores it, read-only, so a test scans the barcodes the order
 * really has instead of copying them into the test. The demo's showcase orders sit at fixed
 * numbers (src/app/demo/showcase.ts, every third order from PD-100002).
 */
export class DemoCatalog {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'packdesk.sqlite'), { readonly: true, fileMustExist: true });
  }

  lines(orderNumber: string): CatalogLine[] {
    const rows = this.db
      .prepare(
        `SELECT l.sku, l.name, l.quantity, p.id AS productId, p.tracking, p.is_kit AS isKit
         FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
         WHERE o.number = ? ORDER BY l.position`,
      )
      .all(orderNumber) as { sku: string; name: string; quantity: number; productId: number; tracking: CatalogLine['tracking']; isKit: number }[];
    return rows.map((row) => ({
      sku: row.sku,
      name: row.name,
      quantity: row.quantity,
      tracking: row.tracking,
      isKit: row.isKit === 1,
      codes: this.codes(row.productId),
      parts: this.parts(row.productId),
    }));
  }

  /** Whether nobody has scanned anything for the order yet (another spec on the same host may have packed part of it). */
  untouched(orderNumber: string): boolean {
    return this.db.prepare('SELECT 1 FROM packing_sessions ps JOIN orders o ON o.id = ps.order_id WHERE o.number = ?').get(orderNumber) === undefined;
  }

  line(orderNumber: string, index: number): CatalogLine {
    const line = this.lines(orderNumber)[index];
    if (!line) throw new Error(`${orderNumber} has no line ${index}`);
    return line;
  }

  /** A single-unit barcode of a product that is in none of the given orders' lines. */
  strangerCode(...orderNumbers: string[]): string {
    return this.strangerProduct(...orderNumbers).code;
  }

  /** A plain product (no serial, lot or kit) with a single-unit barcode, in none of the given orders' lines. */
  strangerProduct(...orderNumbers: string[]): { sku: string; code: string } {
    const skus = new Set(orderNumbers.flatMap((n) => this.lines(n).map((l) => l.sku)));
    const rows = this.db
      .prepare(
        `SELECT p.sku, b.code FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.units_per_scan = 1 AND p.is_kit = 0 AND p.tracking = 'none' ORDER BY b.code`,
      )
      .all() as { sku: string; code: string }[];
    const row = rows.find((r) => !skus.has(r.sku) && /^\d{14}$/.test(r.code));
    if (!row) throw new Error('no stranger product in the demo catalog');
    return row;
  }

  /**
   * Of the given orders, the ones of plain items (no serial, lot or kit, at most two of each, a
   * single-unit barcode) that no showcase is: quick to pack by scanning each unit once.
   */
  plainOrders(orderNumbers: string[]): string[] {
    const showcase = new Set<string>(Object.values(SHOWCASE));
    const plain = (l: CatalogLine) => l.tracking === 'none' && !l.isKit && l.quantity <= 2 && l.codes.some((c) => c.units === 1);
    return orderNumbers.filter((n) => !showcase.has(n) && this.lines(n).length <= 2 && this.lines(n).every(plain));
  }

  /** The product a barcode belongs to, as the catalogue names it. */
  product(code: string): { sku: string; name: string } {
    const row = this.db.prepare('SELECT p.sku, p.name FROM barcodes b JOIN products p ON p.id = b.product_id WHERE b.code = ?').get(code) as
      { sku: string; name: string } | undefined;
    if (!row) throw new Error(`no product has the barcode ${code}`);
    return row;
  }

  /**
   * A line of one of the given orders whose case code counts more units than the line orders
   * (a 12-unit case for a line of 1): the order, the line and that code.
   */
  oversizedCase(orderNumbers: string[]): { orderNumber: string; line: CatalogLine; code: { code: string; units: number } } {
    const rows = this.db
      .prepare(
        `SELECT o.number, l.position, b.code, b.units_per_scan AS units
         FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN barcodes b ON b.product_id = l.product_id
         WHERE b.units_per_scan > l.quantity ORDER BY o.number, l.position`,
      )
      .all() as { number: string; position: number; code: string; units: number }[];
    const row = rows.find((r) => orderNumbers.includes(r.number));
    if (!row) throw new Error('no order line with a case code bigger than the line');
    const line = this.lines(row.number).find((l) => l.codes.some((c) => c.code === row.code))!;
    return { orderNumber: row.number, line, code: { code: row.code, units: row.units } };
  }

  close(): void {
    this.db.close();
  }

  private codes(productId: number): CatalogLine['codes'] {
    return this.db
      .prepare('SELECT code, units_per_scan AS units FROM barcodes WHERE product_id = ? ORDER BY units_per_scan, code')
      .all(productId) as CatalogLine['codes'];
  }

  private parts(kitId: number): CatalogLine['parts'] {
    const rows = this.db
      .prepare(
        'SELECT p.id, p.sku, k.quantity FROM kit_components k JOIN products p ON p.id = k.component_product_id WHERE k.kit_product_id = ? ORDER BY p.sku',
      )
      .all(kitId) as { id: number; sku: string; quantity: number }[];
    return rows.map((row) => ({ sku: row.sku, perKit: row.quantity, code: this.codes(row.id)[0]?.code ?? row.sku }));
  }
}

/** The showcase order of one kind (src/app/demo/showcase.ts: SHOWCASES[i] is order PD-(100002 + 3i)). */
export const SHOWCASE = {
  kit: 'PD-100002',
  serials: 'PD-100005',
  lots: 'PD-100008',
  cases: 'PD-100011',
  bulk: 'PD-100014',
  wholesale: 'PD-100017',
  longAddress: 'PD-100020',
  germany: 'PD-100023',
  czechia: 'PD-100026',
  manyLines: 'PD-100029',
  hygiene: 'PD-100032',
  skuLabels: 'PD-100035',
} as const;
