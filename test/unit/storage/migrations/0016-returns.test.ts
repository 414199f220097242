import { describe, expect, it } from 'vitest';
import { DEFAULT_REASON_CODES } from '../../../../src/domain/returns/rules';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { returns } from '../../../../src/storage/migrations/0016-returns';
import { databaseBeforeReturns as databaseBefore } from './returns-probe';
import { insert, isStrict, migrationsBefore, parentRows, planOf, probe, usesIndex } from './schema-probe';

const THROUGH = [...migrationsBefore(returns), returns];

function migrated() {
  const db = databaseBefore(returns);
  db.exec(`
    UPDATE orders SET customer_name = 'Łucja Mazur', ship_name = 'Łucja Mazur', ship_email = 'Lucja.M@example.pl' WHERE id = 1;
    UPDATE orders SET customer_name = 'Jan Kowalski', ship_name = 'Firma Kowalski', ship_email = NULL WHERE id = 2;
  `);
  const before = parentRows(db);
  migrate(db, THROUGH);
  return { db, before };
}

const RETURN = {
  number: 'R-2026-000001',
  order_id: 1,
  type: 'withdrawal',
  status: 'open',
  station_id: 'ST-01',
  handler_id: 1,
  received_at: '2026-11-20T08:00:00.000Z',
  received_on: '2026-11-20',
  time_zone: 'Europe/Warsaw',
  deadline_kind: 'refund',
  deadline_last_day: '2026-12-04',
  deadline_ends_at: '2026-12-04T23:00:00.000Z',
  eligibility: '{}',
  created_at: 'now',
  updated_at: 'now',
};

describe('migration 0016-returns', () => {
  it('adds the returns tables, STRICT, keeps every row, and seeds the reason codes at schema version 16', () => {
    const { db, before } = migrated();
    expect(schemaVersion(db)).toBe(16);
    for (const table of [
      'returns',
      'return_items',
      'return_photos',
      'not_our_parcels',
      'return_reason_codes',
      'return_settings',
      'order_return_labels',
      'order_search_terms',
    ]) {
      expect(isStrict(db, table), table).toBe(true);
    }
    expect(parentRows(db).orders).toEqual(before.orders);
    expect(db.prepare('SELECT non_returnable_reason FROM products ORDER BY id').pluck().all()).toEqual([null, null]);
    expect(db.prepare('SELECT code, packing_error FROM return_reason_codes ORDER BY position').all()).toEqual(
      DEFAULT_REASON_CODES.map((r) => ({ code: r.code, packing_error: Number(r.packingError) })),
    );
  });

  it('indexes the customers already in the database by name words, folded, and e-mail', () => {
    const { db } = migrated();
    const terms = (orderId: number) => db.prepare('SELECT term FROM order_search_terms WHERE order_id = ? ORDER BY term').pluck().all(orderId);
    expect(terms(1)).toEqual(['lucja', 'lucja.m', 'lucja.m@example.pl', 'mazur', 'łucja']);
    expect(terms(2)).toEqual(['firma', 'jan', 'kowalski']);
  });

  it('keeps a return’s states consistent: decided with its time, closed with its time, an override with its reason', () => {
    const { db } = migrated();
    expect(() => probe(db, 'returns', RETURN)).not.toThrow();
    expect(() => probe(db, 'returns', { ...RETURN, type: 'gift' })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'returns', { ...RETURN, status: 'decided' })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'returns', { ...RETURN, status: 'decided', decided_at: 't' })).not.toThrow();
    expect(() => probe(db, 'returns', { ...RETURN, status: 'closed', decided_at: 't' })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'returns', { ...RETURN, override_by: 1 })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'returns', { ...RETURN, refund_minor: -1 })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'returns', { ...RETURN, received_on: '20.11.2026' })).toThrow('CHECK constraint failed');
    insert(db, 'returns', RETURN);
    expect(() => probe(db, 'returns', { ...RETURN, number: 'r-2026-000001' })).toThrow('UNIQUE constraint failed');
  });

  it('refuses a disposition for a missing item, and an attribution without its time', () => {
    const { db } = migrated();
    const returnId = insert(db, 'returns', RETURN);
    const item = { return_id: returnId, order_line_id: null, quantity: 1, created_at: 'now', updated_at: 'now' };
    expect(() => probe(db, 'return_items', { ...item, condition: 'missing', disposition: null })).not.toThrow();
    expect(() => probe(db, 'return_items', { ...item, condition: 'missing', disposition: 'restock' })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'return_items', { ...item, condition: 'shiny' })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'return_items', { ...item, packer_id: 1 })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'return_items', { ...item, reason_code: 'no_such_code' })).toThrow('FOREIGN KEY constraint failed');
    expect(() => probe(db, 'return_items', { ...item, quantity: 0 })).toThrow('CHECK constraint failed');
  });

  it('holds a parcel that is not ours until it is resolved, and links it to an order only when linked', () => {
    const { db } = migrated();
    const parcel = {
      number: 'NOP-2026-000001',
      status: 'held',
      station_id: 'ST-01',
      handler_id: 1,
      sender_name: 'Someone',
      received_at: 'now',
      received_on: '2026-11-20',
      hold_last_day: '2026-12-20',
      hold_ends_at: 'x',
    };
    expect(() => probe(db, 'not_our_parcels', parcel)).not.toThrow();
    expect(() => probe(db, 'not_our_parcels', { ...parcel, status: 'linked', resolved_at: 'now' })).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'not_our_parcels', { ...parcel, status: 'linked', resolved_at: 'now', linked_order_id: 2 })).not.toThrow();
    expect(() => probe(db, 'not_our_parcels', { ...parcel, status: 'sent_back' })).toThrow('CHECK constraint failed');
    const photo = { path: 'p/1.jpg', mime_type: 'image/jpeg', bytes: 10, sha256: 'a'.repeat(64), station_id: 'ST-01', taken_by: 1, taken_at: 'now' };
    expect(() => probe(db, 'return_photos', photo)).toThrow('CHECK constraint failed');
    expect(() => probe(db, 'return_photos', { ...photo, mime_type: 'image/gif', return_id: insert(db, 'returns', RETURN) })).toThrow('CHECK constraint failed');
  });

  it('answers the returns desk’s questions through indexes', () => {
    const { db } = migrated();
    expect(planOf(db, "SELECT id FROM returns WHERE status <> 'closed' ORDER BY deadline_ends_at, id LIMIT 50")).toMatch(usesIndex('returns_by_deadline'));
    expect(planOf(db, 'SELECT id FROM returns WHERE order_id = ?', 1)).toMatch(usesIndex('returns_order'));
    expect(planOf(db, 'SELECT id FROM return_items WHERE return_id = ? ORDER BY id', 1)).toMatch(usesIndex('return_items_return'));
    expect(planOf(db, 'SELECT count(*) FROM return_items WHERE packer_id = ? AND attributed_at >= ?', 1, '2026')).toMatch(usesIndex('return_items_packer'));
    expect(planOf(db, 'SELECT order_id FROM shipped_serials WHERE serial = ?', 'SN-1')).toMatch(usesIndex('shipped_serials_serial'));
    expect(planOf(db, "SELECT id FROM packing_sessions WHERE order_id = ? AND status = 'completed'", 1)).toMatch(usesIndex('packing_sessions_order'));
    expect(planOf(db, 'SELECT order_id FROM order_return_labels WHERE tracking = ?', 'X')).toMatch(usesIndex('sqlite_autoindex_order_return_labels_1'));
    expect(planOf(db, 'SELECT order_id FROM order_search_terms WHERE term >= ? AND term < ? LIMIT 50', 'kow', 'kow\uffff')).toMatch(
      /SEARCH order_search_terms USING (COVERING )?(PRIMARY KEY|INDEX)/,
    );
    expect(planOf(db, 'SELECT 1 FROM order_search_terms WHERE order_id = ? AND term >= ? AND term < ?', 1, 'j', 'j\uffff')).toMatch(
      usesIndex('order_search_terms_order'),
    );
    expect(planOf(db, "SELECT id FROM not_our_parcels WHERE status = 'held' ORDER BY hold_ends_at, id")).toMatch(usesIndex('not_our_parcels_held'));
  });
});
