import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { carrierShipments } from '../../../../src/storage/migrations/0018-carrier-shipments';
import { freshDir, track } from '../fixtures';
import { isStrict, migrationsBefore, migrationsThrough } from './schema-probe';

describe('migration 0018-carrier-shipments', () => {
  it('keeps what carriers need on orders and adds a STRICT queue of carrier shipments, one per idempotency key, indexed by tracking number', () => {
    const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    migrate(db, migrationsBefore(carrierShipments));
    const before = schemaVersion(db);
    migrate(db, migrationsThrough(carrierShipments));
    expect(schemaVersion(db)).toBe(before + 1);
    expect(isStrict(db, 'carrier_shipments')).toBe(true);
    const columns = (db.prepare("SELECT name FROM pragma_table_info('orders')").all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['pickup_point_id', 'pickup_point_name', 'cod_minor', 'declared_value_minor', 'currency']));
    const indexes = (db.prepare("SELECT name FROM pragma_index_list('carrier_shipments')").all() as { name: string }[]).map((i) => i.name);
    expect(indexes).toContain('carrier_shipments_tracking');
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM carrier_shipments WHERE tracking_number = ?').all('X') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX carrier_shipments_tracking/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO carrier_shipments (order_id, order_number, station_id, parcel_no, carrier, reference, idempotency_key, request, status, next_attempt_at, created_at, updated_at)
           VALUES (1, 'PD-1', 'ST-01', 1, 'ups', 'PD-1', 'k', '{}', 'queued', 'now', 'now', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK|FOREIGN/);
  });
});
