import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { outboxReturns } from '../../../../src/storage/migrations/0013-outbox-returns';
import { freshDir, track } from '../fixtures';
import { isStrict, migrationsBefore, planOf, probe, usesIndex } from './schema-probe';

const BEFORE = migrationsBefore(outboxReturns);

/** A database one step before 0013: an order with a sent shipment, a queued retried note and a parked one. */
function beforeOutboxReturns(): Database {
  const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
  migrate(db, BEFORE);
  db.exec(`
    INSERT INTO orders (id, number, status, customer_name, ship_name, ship_street, ship_city, ship_postcode, ship_country, search_key, created_at, updated_at)
      VALUES (1, 'PD-1', 'shipped', 'C', 'C', 'S', 'C', 'P', 'PL', '', 'now', 'now');
    INSERT INTO sync_outbox (id, type, order_id, order_number, idempotency_key, payload, status, attempts, next_attempt_at, last_error, remote_ref, created_at, updated_at)
      VALUES (4, 'shipped', 1, 'PD-1', 'shipped:1', '{"a":1}', 'sent', 1, 't1', NULL, 'F-9', 't0', 't1'),
             (6, 'note', 1, 'PD-1', 'note:1', '{"b":2}', 'queued', 2, 't5', 'unreachable: down', NULL, 't2', 't3'),
             (9, 'note', 1, 'PD-1', 'note:2', '{}', 'parked', 1, 't6', 'refused', NULL, 't4', 't4');
  `);
  return db;
}

const event = (type: string, key: string) => ({
  type,
  order_id: 1,
  order_number: 'PD-1',
  idempotency_key: key,
  payload: '{}',
  status: 'queued',
  next_attempt_at: 't',
  created_at: 't',
  updated_at: 't',
});

describe('migration 0013-outbox-returns', () => {
  it('keeps every event with its id, key, state and attempts, STRICT, at schema version 13', () => {
    const db = beforeOutboxReturns();
    const rows = db.prepare('SELECT * FROM sync_outbox ORDER BY id').all();
    migrate(db, [...BEFORE, outboxReturns]);
    expect(schemaVersion(db)).toBe(13);
    expect(db.prepare('SELECT * FROM sync_outbox ORDER BY id').all()).toEqual(rows);
    expect(rows).toHaveLength(3);
    expect(isStrict(db, 'sync_outbox')).toBe(true);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name LIKE '%before_0013%'").all()).toEqual([]);
  });

  it('takes returned events, still refuses an unknown type, a second key and an order that does not exist', () => {
    const db = beforeOutboxReturns();
    expect(() => probe(db, 'sync_outbox', event('returned', 'returned:R-1'))).toThrow(/CHECK/);
    migrate(db, [...BEFORE, outboxReturns]);
    probe(db, 'sync_outbox', event('returned', 'returned:R-1'));
    expect(() => probe(db, 'sync_outbox', event('refunded', 'x'))).toThrow(/CHECK/);
    expect(() => probe(db, 'sync_outbox', event('returned', 'note:1'))).toThrow(/UNIQUE/);
    expect(() => probe(db, 'sync_outbox', { ...event('returned', 'returned:R-2'), order_id: 99 })).toThrow(/FOREIGN KEY/);
    expect(() => probe(db, 'sync_outbox', { ...event('returned', 'returned:R-3'), payload: 'not json' })).toThrow(/CHECK/);
  });

  it('answers the drain and the per-order check from the same indexes as before', () => {
    const db = beforeOutboxReturns();
    migrate(db, [...BEFORE, outboxReturns]);
    expect(planOf(db, "SELECT id FROM sync_outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id", 'z')).toMatch(
      usesIndex('sync_outbox_due'),
    );
    expect(planOf(db, "SELECT 1 FROM sync_outbox WHERE order_id = ? AND id < ? AND status IN ('queued', 'parked')", 1, 9)).toMatch(
      usesIndex('sync_outbox_order'),
    );
  });
});
