import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { documentRequests } from '../../../../src/storage/migrations/0006-document-requests';
import { databaseBefore, insert, isStrict, migrationsThrough, parentRows, planOf, probe, usesIndex, type Row } from './schema-probe';

const AT = '2026-03-02T08:00:00.000Z';

/** One step before 0006, with a completed packing session for each order and a stored label. */
function beforeDocumentRequests(): Database {
  const db = databaseBefore(documentRequests);
  db.exec(`
    INSERT INTO packing_sessions (id, order_id, station_id, user_id, status, state, opened_at, updated_at, completed_at)
      VALUES (1, 1, 'ST-01', 1, 'completed', '{}', '${AT}', '${AT}', '${AT}'),
             (2, 2, 'ST-02', 1, 'completed', '{}', '${AT}', '${AT}', '${AT}');
    INSERT INTO documents (id, kind, format, path, sha256, bytes, order_number, parcel_index, created_at)
      VALUES (1, 'label', 'zpl', 'documents/2026/03/PD-1-1.zpl', '${'a'.repeat(64)}', 512, 'PD-1', 1, '${AT}');
  `);
  return db;
}

function migrated(): Database {
  const db = beforeDocumentRequests();
  migrate(db, migrationsThrough(documentRequests));
  return db;
}

const request = (overrides: Row = {}): Row => ({
  order_id: 1,
  order_number: 'PD-1',
  session_id: 1,
  station_id: 'ST-01',
  packed: '{"parcels":[{"index":1}]}',
  created_at: AT,
  ...overrides,
});

const item = (requestId: number, overrides: Row = {}): Row => ({
  request_id: requestId,
  kind: 'label',
  parcel_index: 1,
  status: 'pending',
  attempts: 0,
  next_attempt_at: AT,
  updated_at: AT,
  ...overrides,
});

describe('migration 0006-document-requests', () => {
  it('creates both tables STRICT at schema version 6, leaving the rows already there', () => {
    const db = beforeDocumentRequests();
    const before = { ...parentRows(db), sessions: db.prepare('SELECT * FROM packing_sessions ORDER BY id').all() };
    migrate(db, migrationsThrough(documentRequests));
    expect(schemaVersion(db)).toBe(6);
    for (const table of ['document_requests', 'document_request_items']) expect(isStrict(db, table), table).toBe(true);
    expect({ ...parentRows(db), sessions: db.prepare('SELECT * FROM packing_sessions ORDER BY id').all() }).toEqual(before);
  });

  it('keeps one request per packing session, and refuses a packed order that is not JSON', () => {
    const db = migrated();
    probe(db, 'document_requests', request());
    expect(() => probe(db, 'document_requests', request({ packed: 'parcels: 1' }))).toThrow('CHECK constraint failed: json_valid(packed)');
    insert(db, 'document_requests', request());
    expect(() => insert(db, 'document_requests', request({ created_at: '2026-03-02T08:05:00.000Z' }))).toThrow(
      'UNIQUE constraint failed: document_requests.session_id',
    );
    insert(db, 'document_requests', request({ order_id: 2, order_number: 'PD-2', session_id: 2, station_id: 'ST-02' }));
  });

  it('refuses items of other kinds or statuses, parcel 0, negative attempts and an SSCC not 18 long', () => {
    const db = migrated();
    const requestId = insert(db, 'document_requests', request());
    probe(db, 'document_request_items', item(requestId));
    probe(db, 'document_request_items', item(requestId, { kind: 'packing_slip', parcel_index: null, sscc: '059012340000000018' }));
    const refused: [Row, string][] = [
      // a manifest is a document, but never one a completed order owes
      [item(requestId, { kind: 'manifest' }), "kind IN ('label', 'carrier_label', 'packing_slip')"],
      [item(requestId, { parcel_index: 0 }), 'parcel_index IS NULL OR parcel_index >= 1'],
      [item(requestId, { status: 'failed', next_attempt_at: null }), "status IN ('pending', 'done', 'kept')"],
      [item(requestId, { attempts: -1 }), 'attempts >= 0'],
      [item(requestId, { sscc: '0590123400000000189' }), 'sscc IS NULL OR length(sscc) = 18'],
    ];
    for (const [row, check] of refused) expect(() => probe(db, 'document_request_items', row), check).toThrow(`CHECK constraint failed: ${check}`);
  });

  it('has a next attempt time exactly while an item is pending', () => {
    const db = migrated();
    const requestId = insert(db, 'document_requests', request());
    const check = "CHECK constraint failed: (status = 'pending') = (next_attempt_at IS NOT NULL)";
    probe(db, 'document_request_items', item(requestId, { status: 'done', next_attempt_at: null, document_id: 1, attempts: 1 }));
    probe(db, 'document_request_items', item(requestId, { status: 'kept', next_attempt_at: null, document_id: 1, attempts: 1 }));
    expect(() => probe(db, 'document_request_items', item(requestId, { next_attempt_at: null }))).toThrow(check);
    expect(() => probe(db, 'document_request_items', item(requestId, { status: 'done', document_id: 1 }))).toThrow(check);
    const pending = insert(db, 'document_request_items', item(requestId));
    expect(() => db.prepare("UPDATE document_request_items SET status = 'kept' WHERE id = ?").run(pending)).toThrow(check);
  });

  it('deletes the items with their request', () => {
    const db = migrated();
    const requestId = insert(db, 'document_requests', request());
    insert(db, 'document_request_items', item(requestId));
    insert(db, 'document_request_items', item(requestId, { kind: 'packing_slip', parcel_index: null }));
    db.prepare('DELETE FROM document_requests WHERE id = ?').run(requestId);
    expect(db.prepare('SELECT count(*) AS n FROM document_request_items').get()).toEqual({ n: 0 });
  });

  it("answers the document request repository's lookups from indexes, order numbers in any case", () => {
    const db = migrated();
    // storage/repositories/document-requests.ts: due, nextDue, retryAll, itemsOf, byOrder
    const columns = `i.id, i.request_id, r.order_id, r.order_number, r.station_id, i.kind, i.parcel_index, i.status, i.attempts,
  i.last_error, i.next_attempt_at, i.sscc, i.document_id, i.print_job_id, i.updated_at`;
    const from = 'FROM document_request_items i JOIN document_requests r ON r.id = i.request_id';
    expect(planOf(db, `SELECT ${columns} ${from} WHERE i.status = 'pending' AND i.next_attempt_at <= ? ORDER BY i.next_attempt_at, i.id LIMIT 1`, AT)).toMatch(
      usesIndex('document_request_items_due'),
    );
    expect(planOf(db, "SELECT min(next_attempt_at) AS at FROM document_request_items WHERE status = 'pending'")).toMatch(
      usesIndex('document_request_items_due'),
    );
    expect(planOf(db, "UPDATE document_request_items SET next_attempt_at = ?, updated_at = ? WHERE status = 'pending'", AT, AT)).toMatch(
      usesIndex('document_request_items_due'),
    );
    expect(planOf(db, `SELECT ${columns} ${from} WHERE i.request_id = ? ORDER BY i.id`, 1)).toMatch(usesIndex('document_request_items_request'));
    const byOrder = `SELECT ${columns} ${from} WHERE r.order_number = ? ORDER BY i.id`;
    expect(planOf(db, byOrder, 'pd-1')).toMatch(usesIndex('document_requests_order'));

    const requestId = insert(db, 'document_requests', request());
    insert(db, 'document_request_items', item(requestId));
    expect(db.prepare(byOrder).all('pd-1')).toHaveLength(1);
  });
});
