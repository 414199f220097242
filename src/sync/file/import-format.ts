import type { ImportedProduct } from '../../app/ports/store';
import type { RemoteOrder } from '../../app/ports/backend';
import type { OrderDelivery } from '../../domain/order';
import { csvRecords } from './csv';

export interface RowError {
  line: number;
  message: string;
}

export type ImportFormat = 'csv' | 'json';

export function formatOf(file: string): ImportFormat {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'csv';
}

/**
 * JSON files are arrays of objects with the CSV's column names; "line" is then the item's index + 1.
 * CSV rows that cannot be read at all come back as errors by line, like rows with bad values.
 */
function records(text: string, format: ImportFormat): { records: { line: number; record: Record<string, unknown> }[]; errors: RowError[] } {
  if (format === 'csv') {
    const { records, problems } = csvRecords(text);
    return { records, errors: problems };
  }
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error('A JSON import file holds an array of objects.');
  return {
    records: parsed.map((record, i) => ({ line: i + 1, record: (typeof record === 'object' && record !== null ? record : {}) as Record<string, unknown> })),
    errors: [],
  };
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
const SAID_YES = ['true', '1', 'yes', 'tak', 'y', 't'];
const SAID_NO = ['false', '0', 'no', 'nie', 'n', 'f'];
/** A yes/no column said plainly (true/false, 1/0, yes/no, tak/nie, y/n, t/f); empty is `fallback`, anything else is null. */
const mark = (v: unknown, fallback: boolean): boolean | null => {
  const said = text(v).toLowerCase();
  if (said === '') return fallback;
  if (SAID_YES.includes(said)) return true;
  return SAID_NO.includes(said) ? false : null;
};

/**
 * Products: sku, name, weight_grams, barcodes (separated by | or spaces), tracking, refuse_expired,
 * returnable, fragile (default no). The format carries no kits: a product keeps whether it is one.
 */
export function readProducts(content: string, format: ImportFormat): { products: ImportedProduct[]; errors: RowError[] } {
  const products: ImportedProduct[] = [];
  const read = records(content, format);
  const errors: RowError[] = [...read.errors];
  const seen = new Set<string>();
  for (const { line, record } of read.records) {
    const sku = text(record.sku);
    const name = text(record.name);
    const grams = Number(text(record.weight_grams) || '0');
    const tracking = text(record.tracking) || 'none';
    const marks = { refuse_expired: mark(record.refuse_expired, false), returnable: mark(record.returnable, true), fragile: mark(record.fragile, false) };
    const problems: string[] = [];
    if (!sku) problems.push('sku is empty');
    else if (seen.has(sku.toLowerCase())) problems.push(`sku ${sku} appears twice`);
    if (!name) problems.push('name is empty');
    if (!Number.isInteger(grams) || grams < 0) problems.push(`weight_grams "${text(record.weight_grams)}" is not a whole number of grams`);
    if (!['none', 'serial', 'lot'].includes(tracking)) problems.push(`tracking "${tracking}" is not none, serial or lot`);
    for (const [column, value] of Object.entries(marks)) {
      if (value === null) problems.push(`${column} "${text(record[column])}" is not true/false, 1/0, yes/no or tak/nie`);
    }
    if (problems.length > 0) {
      errors.push({ line, message: problems.join('; ') });
      continue;
    }
    seen.add(sku.toLowerCase());
    const raw = Array.isArray(record.barcodes) ? record.barcodes.map(text) : text(record.barcodes).split(/[|\s]+/);
    const barcodes = raw.filter(Boolean);
    products.push({
      sku,
      name,
      weightGrams: grams,
      tracking: tracking as ImportedProduct['tracking'],
      refuseExpired: marks.refuse_expired!,
      returnable: marks.returnable!,
      fragile: marks.fragile!,
      barcodes: (barcodes.length > 0 ? barcodes : [sku]).map((code) => ({ code, unitsPerScan: 1 })),
    });
  }
  return { products, errors };
}

/**
 * Orders, one row per order line: number, customer_name, ship_name, ship_company, street, city,
 * postcode, country, phone, email, carrier, service, note, created_at, status, sku, quantity; and
 * optionally what carriers need: pickup_point (locker or pickup point id), pickup_point_name,
 * cod and declared_value (amounts like 123.45) and currency (default PLN).
 * Order fields are read from the order's first row. An order with a bad row is refused whole.
 */
export function readOrders(content: string, format: ImportFormat, now: string): { orders: (RemoteOrder & { lineNumbers: number[] })[]; errors: RowError[] } {
  const byNumber = new Map<string, RemoteOrder & { lineNumbers: number[]; bad: boolean }>();
  const read = records(content, format);
  const errors: RowError[] = [...read.errors];
  for (const { line, record } of read.records) {
    const number = text(record.number);
    const sku = text(record.sku);
    const quantity = Number(text(record.quantity));
    const problems: string[] = [];
    if (!number) problems.push('number is empty');
    if (!sku) problems.push('sku is empty');
    if (!Number.isInteger(quantity) || quantity < 1) problems.push(`quantity "${text(record.quantity)}" is not a whole number above 0`);
    const createdAt = text(record.created_at) || now;
    if (Number.isNaN(Date.parse(createdAt))) problems.push(`created_at "${createdAt}" is not a date`);
    const status = text(record.status) || 'ready';
    if (!['ready', 'on_hold', 'cancelled'].includes(status)) problems.push(`status "${status}" is not ready, on_hold or cancelled`);
    let order = number ? byNumber.get(number.toLowerCase()) : undefined;
    const amount = (field: 'cod' | 'declared_value') => {
      const said = text(record[field]).replace(',', '.');
      if (!said) return null;
      const value = Number(said);
      if (!Number.isFinite(value) || value < 0) {
        problems.push(`${field} "${text(record[field])}" is not an amount`);
        return null;
      }
      return { minor: Math.round(value * 100), currency: (text(record.currency) || 'PLN').toUpperCase() };
    };
    if (!order && number) {
      const point = text(record.pickup_point);
      const delivery: OrderDelivery = {
        pickupPoint: point ? { id: point, name: text(record.pickup_point_name) || null } : null,
        cod: amount('cod'),
        declaredValue: amount('declared_value'),
      };
      const shipName = text(record.ship_name) || text(record.customer_name);
      if (!shipName) problems.push('customer_name and ship_name are empty');
      for (const field of ['street', 'city', 'postcode', 'country'] as const) if (!text(record[field])) problems.push(`${field} is empty`);
      order = {
        externalId: number,
        number,
        status: status as RemoteOrder['status'],
        customerName: text(record.customer_name) || shipName,
        shipTo: {
          name: shipName,
          company: text(record.ship_company) || null,
          street: text(record.street),
          city: text(record.city),
          postcode: text(record.postcode),
          country: text(record.country).toUpperCase(),
          phone: text(record.phone) || null,
          email: text(record.email) || null,
        },
        carrierCode: text(record.carrier) || null,
        service: text(record.service) || null,
        delivery,
        note: text(record.note) || null,
        createdAt: Number.isNaN(Date.parse(createdAt)) ? now : new Date(createdAt).toISOString(),
        lines: [],
        lineNumbers: [],
        bad: false,
      };
      byNumber.set(number.toLowerCase(), order);
    }
    if (problems.length > 0) {
      errors.push({ line, message: problems.join('; ') });
      if (order) order.bad = true;
      continue;
    }
    order!.lines.push({ externalLineId: String(line), sku, name: sku, quantity });
    order!.lineNumbers.push(line);
  }
  const orders = [...byNumber.values()].filter((o) => !o.bad && o.lines.length > 0).map(({ bad: _bad, ...o }) => o);
  return { orders, errors };
}
