import type { Database } from 'better-sqlite3';
import type { NewOrder } from '../../app/ports/store';
import { StationFailure } from '../../contract/errors';
import { customerTerms } from '../../domain/returns/search-terms';
import { detailColumns, pickListCode, searchKeyOf } from './order-rows';

const LISTED_AT_MOST = 20;

function listed(items: string[]): string {
  const shown = items.slice(0, LISTED_AT_MOST).join(', ');
  return items.length > LISTED_AT_MOST ? `${shown} and ${items.length - LISTED_AT_MOST} more` : shown;
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Writes new orders with their lines and pick-list references, all or nothing. Every line's SKU
 * must already be a product (the line takes its product id and name from the catalogue), so a
 * batch naming an unknown SKU is refused whole, listing the SKUs, before anything is written.
 */
export function createOrderImport(db: Database, clock: () => Date): (orders: NewOrder[]) => number {
  const productBySku = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM products WHERE sku = ?');
  const insertOrder = db.prepare(
    `INSERT INTO orders (number, external_id, status, customer_name, ship_name, ship_company, ship_street, ship_city,
       ship_postcode, ship_country, ship_phone, ship_email, carrier_code, service, pickup_point_id, pickup_point_name, cod_minor, declared_value_minor, currency, note, search_key,
       created_at, updated_at)
     VALUES (@number, @external_id, @status, @customer_name, @ship_name, @ship_company, @ship_street, @ship_city,
       @ship_postcode, @ship_country, @ship_phone, @ship_email, @carrier_code, @service, @pickup_point_id, @pickup_point_name, @cod_minor, @declared_value_minor, @currency, @note,
       @search_key, @created_at, @updated_at)`,
  );
  const insertLine = db.prepare<[number, number, number, string, string, number, number | null, string | null]>(
    'INSERT INTO order_lines (order_id, position, product_id, sku, name, quantity, unit_price_minor, price_currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertReference = db.prepare<[string, number]>("INSERT INTO order_references (code, order_id, kind) VALUES (?, ?, 'pick_list')");
  const insertTerm = db.prepare<[string, number]>('INSERT OR IGNORE INTO order_search_terms (term, order_id) VALUES (?, ?)');

  const write = db.transaction((orders: NewOrder[], products: Map<string, { id: number; name: string }>, now: string) => {
    for (const o of orders) {
      let orderId: number;
      try {
        orderId = Number(
          insertOrder.run({
            number: o.number,
            external_id: o.externalId,
            status: o.status,
            ...detailColumns(o),
            search_key: searchKeyOf(o),
            created_at: o.createdAt,
            updated_at: now,
          }).lastInsertRowid,
        );
        insertReference.run(pickListCode(o.number), orderId);
        for (const term of customerTerms([o.customerName, o.shipTo.name], o.shipTo.email)) insertTerm.run(term, orderId);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        throw new StationFailure('VALIDATION_FAILED', `Order ${o.number} is already in the database (order numbers are unique, ignoring case).`, {
          number: o.number,
        });
      }
      o.lines.forEach((line, position) => {
        const product = products.get(line.sku)!;
        insertLine.run(orderId, position, product.id, line.sku, product.name, line.quantity, line.unitPrice?.minor ?? null, line.unitPrice?.currency ?? null);
      });
    }
  });

  return (orders) => {
    const products = new Map<string, { id: number; name: string }>();
    const unknown: string[] = [];
    for (const sku of new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)))) {
      const product = productBySku.get(sku);
      if (product) products.set(sku, product);
      else unknown.push(sku);
    }
    if (unknown.length > 0) {
      throw new StationFailure('VALIDATION_FAILED', `These orders name SKUs that are not in the catalogue: ${listed(unknown)}. Import the products first.`, {
        skus: listed(unknown),
      });
    }
    write(orders, products, clock().toISOString());
    return orders.length;
  };
}
