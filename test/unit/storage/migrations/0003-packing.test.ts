import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { packing } from '../../../../src/storage/migrations/0003-packing';
import { ACTIVE_SESSION_SQL } from '../../../../src/storage/repositories/packing';
import { databaseBefore, insert, isStrict, migrationsThrough, parentRows, planOf, probe, usesIndex, type Row } from './schema-probe';

function migrated(): Database {
  const db = databaseBefore(packing);
  migrate(db, migrationsThrough(packing));
  return db;
}

const session = (overrides: Row = {}): Row => ({
  order_id: 1,
  station_id: 'ST-01',
  user_id: 1,
  status: 'open',
  state: '{"parcels":[]}',
  opened_at: '2026-03-02T08:00:00.000Z',
  updated_at: '2026-03-02T08:00:00.000Z',
  ...overrides,
});

// The smallest values each check allows.
const rules = (overrides: Row = {}): Row => ({
  station_id: 'ST-01',
  bulk_threshold: 2,
  tolerance_grams: 0,
  tolerance_percent: 0,
  require_weight: 0,
  ...overrides,
});

describe('migration 0003-packing', () => {
  it('creates the three tables STRICT at schema version 3, leaving the rows already there', () => {
    const db = databaseBefore(packing);
    const before = parentRows(db);
    migrate(db, migrationsThrough(packing));
    expect(schemaVersion(db)).toBe(3);
    for (const table of ['packing_sessions', 'shipped_serials', 'station_packing_rules']) expect(isStrict(db, table), table).toBe(true);
    expect(parentRows(db)).toEqual(before);
  });

  it('keeps one open packing session per order, and any number of completed ones', () => {
    const db = migrated();
    const first = insert(db, 'packing_sessions', session());
    expect(() => insert(db, 'packing_sessions', session({ station_id: 'ST-02' }))).toThrow('UNIQUE constraint failed: packing_sessions.order_id');
    insert(db, 'packing_sessions', session({ order_id: 2 }));
    insert(db, 'packing_sessions', session({ status: 'completed' }));
    insert(db, 'packing_sessions', session({ status: 'completed' }));
    db.prepare("UPDATE packing_sessions SET status = 'completed' WHERE id = ?").run(first);
    insert(db, 'packing_sessions', session());
    expect(db.prepare("SELECT count(*) AS n FROM packing_sessions WHERE order_id = 1 AND status = 'open'").get()).toEqual({ n: 1 });
  });

  it('refuses a session status other than open or completed, and a state that is not JSON', () => {
    const db = migrated();
    probe(db, 'packing_sessions', session());
    probe(db, 'packing_sessions', session({ status: 'completed', completed_at: '2026-03-02T08:10:00.000Z' }));
    expect(() => probe(db, 'packing_sessions', session({ status: 'paused' }))).toThrow("CHECK constraint failed: status IN ('open', 'completed')");
    expect(() => probe(db, 'packing_sessions', session({ state: '{"parcels":[' }))).toThrow('CHECK constraint failed: json_valid(state)');
  });

  it('refuses packing rules below their bounds and accepts them at the bounds', () => {
    const db = migrated();
    probe(db, 'station_packing_rules', rules());
    probe(db, 'station_packing_rules', rules({ require_weight: 1, tolerance_percent: 2.5 }));
    const refused: [Row, string][] = [
      [rules({ bulk_threshold: 1 }), 'bulk_threshold >= 2'],
      [rules({ tolerance_grams: -1 }), 'tolerance_grams >= 0'],
      [rules({ tolerance_percent: -0.5 }), 'tolerance_percent >= 0'],
      [rules({ require_weight: 2 }), 'require_weight IN (0, 1)'],
    ];
    for (const [row, check] of refused) expect(() => probe(db, 'station_packing_rules', row), check).toThrow(`CHECK constraint failed: ${check}`);
  });

  it("drops a station's packing rules with the station", () => {
    const db = migrated();
    insert(db, 'station_packing_rules', rules({ station_id: 'ST-02' }));
    db.exec("DELETE FROM stations WHERE id = 'ST-02'");
    expect(db.prepare('SELECT count(*) AS n FROM station_packing_rules').get()).toEqual({ n: 0 });
  });

  it('ships a serial once per product', () => {
    const db = migrated();
    const sessionId = insert(db, 'packing_sessions', session());
    const serial = (productId: number, orderId: number): Row => ({ product_id: productId, serial: 'SN-0001', order_id: orderId, session_id: sessionId });
    insert(db, 'shipped_serials', serial(2, 1));
    expect(() => insert(db, 'shipped_serials', serial(2, 2))).toThrow('UNIQUE constraint failed: shipped_serials.product_id, shipped_serials.serial');
    insert(db, 'shipped_serials', serial(1, 2));
  });

  it("answers the packing repository's lookups from indexes", () => {
    const db = migrated();
    const columns = 'id, order_id, station_id, user_id, status, state, opened_at, updated_at';
    // storage/repositories/packing.ts: openFor, activeAt, serialShipped, rules
    expect(planOf(db, `SELECT ${columns} FROM packing_sessions WHERE order_id = ? AND status = 'open'`, 1)).toMatch(
      usesIndex('packing_sessions_one_open_per_order'),
    );
    expect(planOf(db, ACTIVE_SESSION_SQL, 'ST-01')).toMatch(usesIndex('order_locks_station'));
    expect(planOf(db, ACTIVE_SESSION_SQL, 'ST-01')).toMatch(usesIndex('packing_sessions_one_open_per_order'));
    expect(planOf(db, 'SELECT 1 AS found FROM shipped_serials WHERE product_id = ? AND serial = ?', 2, 'SN-0001')).toMatch(
      usesIndex('sqlite_autoindex_shipped_serials_1'),
    );
    expect(
      planOf(db, 'SELECT bulk_threshold, tolerance_grams, tolerance_percent, require_weight FROM station_packing_rules WHERE station_id = ?', 'ST-01'),
    ).toMatch(usesIndex('sqlite_autoindex_station_packing_rules_1'));
    // No repository asks for an order's serials; the index spares a scan when an order row is
    // deleted or its id changes and the foreign key looks for serials still pointing at it.
    expect(planOf(db, 'SELECT 1 FROM shipped_serials WHERE order_id = ?', 1)).toMatch(usesIndex('shipped_serials_order'));
  });
});
