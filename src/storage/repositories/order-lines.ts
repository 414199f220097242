import type { Database, Statement } from 'better-sqlite3';
import type { StatsLine } from '../../domain/statistics';

/**
 * An order's lines as the packer statistics count them, read one way wherever they are read: when
 * an order is completed (its `pack.completed` entry keeps them) and when the statistics count an
 * older completion that kept none.
 */

/** An order line and its product as the statistics read them. */
export interface LineRow {
  order_id: number;
  product_id: number | null;
  sku: string | null;
  quantity: number | null;
  is_kit: number | null;
  weight_grams: number | null;
  fragile: number | null;
}

/** The columns of a LineRow from `order_lines l LEFT JOIN products p`. */
export const LINE_ROW_COLUMNS = 'l.order_id, l.product_id, l.sku, l.quantity, p.is_kit, p.weight_grams, p.fragile';

/** The lines (of one order) as the statistics count them: a line whose product is not in the catalogue is left out. */
export function toStatsLines(rows: readonly LineRow[]): StatsLine[] {
  return rows
    .filter((l) => l.product_id !== null)
    .map((l) => ({
      productId: l.product_id!,
      sku: l.sku ?? '',
      quantity: l.quantity ?? 0,
      kit: l.is_kit === 1,
      unitGrams: l.weight_grams ?? 0,
      fragile: l.fragile === 1,
    }));
}

/**
 * Runs a query with an `IN (?, …)` list of `count` values, prepared once per list length (a full
 * batch and the last one's) rather than once per batch.
 */
export function inListQuery<Row>(db: Database, sqlFor: (placeholders: string) => string): (values: readonly string[]) => Row[] {
  const statements = new Map<number, Statement<string[], Row>>();
  return (values) => {
    let statement = statements.get(values.length);
    if (!statement) {
      statement = db.prepare<string[], Row>(sqlFor(values.map(() => '?').join(', ')));
      if (statements.size > 8) statements.clear();
      statements.set(values.length, statement);
    }
    return statement.all(...values);
  };
}
