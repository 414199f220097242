import { describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { printQueue } from '../../../../src/storage/migrations/0004-print-queue';
import { databaseBefore, insert, isStrict, migrationsThrough, parentRows, planOf, probe, usesIndex, type Row } from './schema-probe';

const TABLES = ['documents', 'printer_profiles', 'print_jobs', 'manifests', 'manifest_parcels', 'label_settings'];
const SHA = 'a'.repeat(64);
const AT = '2026-03-02T08:00:00.000Z';

function migrated(): Database {
  const db = databaseBefore(printQueue);
  migrate(db, migrationsThrough(printQueue));
  return db;
}

const document = (overrides: Row = {}): Row => ({
  kind: 'label',
  format: 'pdf',
  path: 'documents/2026/03/PD-1-1.pdf',
  sha256: SHA,
  bytes: 0,
  order_number: 'PD-1',
  parcel_index: 1,
  created_at: AT,
  ...overrides,
});

const profile = (overrides: Row = {}): Row => ({
  station_id: 'ST-01',
  document_kind: 'label',
  printer_kind: 'cups',
  target: 'Zebra_GK420d',
  format: 'zpl',
  raw: 1,
  ...overrides,
});

const job = (documentId: number, overrides: Row = {}): Row => ({
  station_id: 'ST-01',
  document_id: documentId,
  document_kind: 'label',
  printer_kind: 'raw_tcp',
  target: '192.0.2.10:9100',
  format: 'zpl',
  raw: 1,
  status: 'queued',
  attempts: 0,
  max_attempts: 1,
  next_attempt_at: AT,
  created_at: AT,
  updated_at: AT,
  ...overrides,
});

const manifest = (number: string, overrides: Row = {}): Row => ({
  number,
  carrier: 'inpost',
  date: '2026-03-02',
  status: 'open',
  opened_at: AT,
  ...overrides,
});

const parcel = (manifestId: number, overrides: Row = {}): Row => ({
  manifest_id: manifestId,
  tracking_number: '620000000000000001',
  order_number: 'PD-1',
  parcel_index: 1,
  sscc: '059012340000000018',
  weight_grams: 0,
  ship_name: 'Anna Nowak',
  ship_postcode: '31-000',
  ship_city: 'Kraków',
  ship_country: 'PL',
  added_at: AT,
  ...overrides,
});

const labelSettings = (overrides: Row = {}): Row => ({
  id: 1,
  shop_name: 'Herbaciarnia',
  ship_from: '{"name":"Herbaciarnia","city":"Kraków"}',
  gs1_company_prefix: '5901234',
  sscc_extension_digit: 0,
  return_policy: '30 days',
  next_sscc_serial: 0,
  ...overrides,
});

function expectRefused(db: Database, table: string, refused: [Row, string][]): void {
  for (const [row, check] of refused) expect(() => probe(db, table, row), check).toThrow(`CHECK constraint failed: ${check}`);
}

describe('migration 0004-print-queue', () => {
  it('creates the document, printing and manifest tables STRICT at schema version 4, leaving the rows already there', () => {
    const db = databaseBefore(printQueue);
    const before = parentRows(db);
    migrate(db, migrationsThrough(printQueue));
    expect(schemaVersion(db)).toBe(4);
    for (const table of TABLES) expect(isStrict(db, table), table).toBe(true);
    expect(parentRows(db)).toEqual(before);
  });

  it('keeps one open manifest per carrier and day, and any number of closed ones', () => {
    const db = migrated();
    const first = insert(db, 'manifests', manifest('M-1'));
    expect(() => insert(db, 'manifests', manifest('M-2'))).toThrow('UNIQUE constraint failed: manifests.carrier, manifests.date');
    insert(db, 'manifests', manifest('M-3', { carrier: 'dpd' }));
    insert(db, 'manifests', manifest('M-4', { date: '2026-03-03' }));
    db.prepare("UPDATE manifests SET status = 'closed', closed_at = ? WHERE id = ?").run(AT, first);
    insert(db, 'manifests', manifest('M-5'));
    insert(db, 'manifests', manifest('M-6', { status: 'closed', closed_at: AT }));
    expect(() => insert(db, 'manifests', manifest('M-1', { carrier: 'dhl' }))).toThrow('UNIQUE constraint failed: manifests.number');
  });

  it('refuses a manifest with a date not written YYYY-MM-DD, an unknown status, or a closing time that disagrees with its status', () => {
    const db = migrated();
    probe(db, 'manifests', manifest('M-1'));
    probe(db, 'manifests', manifest('M-1', { status: 'closed', closed_at: AT }));
    expectRefused(db, 'manifests', [
      [manifest('M-1', { date: '2026-3-2' }), "date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"],
      [manifest('M-1', { status: 'sent' }), "status IN ('open', 'closed')"],
      [manifest('M-1', { status: 'closed' }), "(status = 'closed') = (closed_at IS NOT NULL)"],
      [manifest('M-1', { closed_at: AT }), "(status = 'closed') = (closed_at IS NOT NULL)"],
    ]);
  });

  it('refuses documents of unknown kinds or formats, with a short hash, negative size or parcel 0; one document per path', () => {
    const db = migrated();
    probe(db, 'documents', document());
    probe(db, 'documents', document({ kind: 'manifest', format: 'zpl', order_number: null, parcel_index: null, manifest_number: 'M-1' }));
    expectRefused(db, 'documents', [
      [document({ kind: 'invoice' }), "kind IN ('label', 'carrier_label', 'packing_slip', 'manifest', 'returns_receipt', 'test_page')"],
      [document({ format: 'png' }), "format IN ('pdf', 'zpl', 'epl')"],
      [document({ sha256: SHA.slice(1) }), 'length(sha256) = 64'],
      [document({ bytes: -1 }), 'bytes >= 0'],
      [document({ parcel_index: 0 }), 'parcel_index IS NULL OR parcel_index >= 1'],
    ]);
    insert(db, 'documents', document());
    expect(() => insert(db, 'documents', document({ order_number: 'PD-2' }))).toThrow('UNIQUE constraint failed: documents.path');
  });

  it('refuses printer profiles with an unknown printer kind or format, no target, or raw other than 0 and 1', () => {
    const db = migrated();
    probe(db, 'printer_profiles', profile());
    probe(db, 'printer_profiles', profile({ printer_kind: 'windows_pdf', format: 'pdf', raw: 0 }));
    expectRefused(db, 'printer_profiles', [
      [profile({ printer_kind: 'lpr' }), "printer_kind IN ('cups', 'raw_tcp', 'windows_pdf', 'electron')"],
      [profile({ target: '' }), 'length(target) > 0'],
      [profile({ format: 'ps' }), "format IN ('pdf', 'zpl', 'epl')"],
      [profile({ raw: 2 }), 'raw IN (0, 1)'],
    ]);
    insert(db, 'printer_profiles', profile());
    expect(() => insert(db, 'printer_profiles', profile({ target: 'Other' }))).toThrow(
      'UNIQUE constraint failed: printer_profiles.station_id, printer_profiles.document_kind',
    );
  });

  it('refuses print jobs with an unknown status or printer, negative attempts, or no attempt allowed', () => {
    const db = migrated();
    const documentId = insert(db, 'documents', document());
    probe(db, 'print_jobs', job(documentId));
    probe(db, 'print_jobs', job(documentId, { status: 'cancelled', attempts: 3, max_attempts: 3, next_attempt_at: null, raw: 0, format: 'epl' }));
    expectRefused(db, 'print_jobs', [
      [job(documentId, { status: 'lost' }), "status IN ('queued', 'printing', 'done', 'failed', 'cancelled')"],
      [job(documentId, { printer_kind: 'lpr' }), "printer_kind IN ('cups', 'raw_tcp', 'windows_pdf', 'electron')"],
      [job(documentId, { format: 'ps' }), "format IN ('pdf', 'zpl', 'epl')"],
      [job(documentId, { raw: -1 }), 'raw IN (0, 1)'],
      [job(documentId, { attempts: -1 }), 'attempts >= 0'],
      [job(documentId, { max_attempts: 0 }), 'max_attempts >= 1'],
    ]);
  });

  it('refuses manifest parcels with parcel 0, an SSCC not 18 digits long or a negative weight; a tracking number is on one manifest', () => {
    const db = migrated();
    const m1 = insert(db, 'manifests', manifest('M-1'));
    const m2 = insert(db, 'manifests', manifest('M-2', { carrier: 'dpd' }));
    probe(db, 'manifest_parcels', parcel(m1));
    probe(db, 'manifest_parcels', parcel(m1, { sscc: null }));
    expectRefused(db, 'manifest_parcels', [
      [parcel(m1, { parcel_index: 0 }), 'parcel_index >= 1'],
      [parcel(m1, { sscc: '05901234000000001' }), 'sscc IS NULL OR length(sscc) = 18'],
      [parcel(m1, { weight_grams: -0.5 }), 'weight_grams >= 0'],
    ]);
    insert(db, 'manifest_parcels', parcel(m1));
    expect(() => insert(db, 'manifest_parcels', parcel(m2, { order_number: 'PD-2' }))).toThrow('UNIQUE constraint failed: manifest_parcels.tracking_number');
    db.prepare('DELETE FROM manifests WHERE id = ?').run(m1);
    expect(db.prepare('SELECT count(*) AS n FROM manifest_parcels').get()).toEqual({ n: 0 });
  });

  it("drops a station's printer profiles and print jobs with the station, keeping the documents", () => {
    const db = migrated();
    const documentId = insert(db, 'documents', document());
    insert(db, 'printer_profiles', profile({ station_id: 'ST-02' }));
    insert(db, 'print_jobs', job(documentId, { station_id: 'ST-02' }));
    db.exec("DELETE FROM stations WHERE id = 'ST-02'");
    const count = (table: string) => db.prepare(`SELECT count(*) AS n FROM ${table}`).get();
    expect([count('printer_profiles'), count('print_jobs'), count('documents')]).toEqual([{ n: 0 }, { n: 0 }, { n: 1 }]);
  });

  it('keeps one row of label settings, and refuses a GS1 prefix outside 7–10 digits, an extension digit over 9 and invalid JSON', () => {
    const db = migrated();
    probe(db, 'label_settings', labelSettings());
    probe(db, 'label_settings', labelSettings({ gs1_company_prefix: '5901234567', sscc_extension_digit: 9 }));
    expectRefused(db, 'label_settings', [
      [labelSettings({ id: 2 }), 'id = 1'],
      [labelSettings({ ship_from: 'Kraków' }), 'json_valid(ship_from)'],
      [labelSettings({ gs1_company_prefix: '590123' }), 'length(gs1_company_prefix) BETWEEN 7 AND 10'],
      [labelSettings({ gs1_company_prefix: '59012345678' }), 'length(gs1_company_prefix) BETWEEN 7 AND 10'],
      [labelSettings({ sscc_extension_digit: 10 }), 'sscc_extension_digit BETWEEN 0 AND 9'],
      [labelSettings({ sscc_extension_digit: -1 }), 'sscc_extension_digit BETWEEN 0 AND 9'],
      [labelSettings({ next_sscc_serial: -1 }), 'next_sscc_serial >= 0'],
    ]);
  });

  it("answers the print queue's, manifests' and documents' lookups from indexes", () => {
    const db = migrated();
    // storage/repositories/print-jobs.ts: due, nextDue, listAll, recover
    const due = `SELECT * FROM print_jobs WHERE station_id = ? AND status IN ('queued', 'failed') AND next_attempt_at <= ?
     ORDER BY next_attempt_at, id LIMIT 1`;
    expect(planOf(db, due, 'ST-01', AT)).toMatch(usesIndex('print_jobs_due'));
    expect(planOf(db, "SELECT min(next_attempt_at) AS at FROM print_jobs WHERE station_id = ? AND status IN ('queued', 'failed')", 'ST-01')).toMatch(
      usesIndex('print_jobs_due'),
    );
    expect(planOf(db, 'SELECT * FROM print_jobs WHERE station_id = ? ORDER BY id DESC', 'ST-01')).toMatch(usesIndex('print_jobs_station'));
    expect(
      planOf(db, "UPDATE print_jobs SET status = 'queued', next_attempt_at = ?, updated_at = ? WHERE station_id = ? AND status = 'printing'", AT, AT, 'ST-01'),
    ).toMatch(usesIndex('print_jobs_station'));
    // storage/repositories/manifests.ts: openOne, ofDay, byNumber, parcels, parcelManifest
    expect(planOf(db, "SELECT * FROM manifests WHERE carrier = ? AND date = ? AND status = 'open'", 'inpost', '2026-03-02')).toMatch(
      usesIndex('manifests_open'),
    );
    expect(planOf(db, 'SELECT * FROM manifests WHERE carrier = ? AND date = ? ORDER BY id', 'inpost', '2026-03-02')).toMatch(
      usesIndex('manifests_carrier_day'),
    );
    expect(planOf(db, 'SELECT * FROM manifests WHERE number = ?', 'M-1')).toMatch(usesIndex('sqlite_autoindex_manifests_1'));
    expect(planOf(db, 'SELECT * FROM manifest_parcels WHERE manifest_id = ? ORDER BY added_at, rowid', 1)).toMatch(
      usesIndex('sqlite_autoindex_manifest_parcels_2'),
    );
    expect(planOf(db, 'SELECT m.* FROM manifest_parcels p JOIN manifests m ON m.id = p.manifest_id WHERE p.tracking_number = ?', 'T')).toMatch(
      usesIndex('sqlite_autoindex_manifest_parcels_1'),
    );
    // storage/repositories/document-records.ts: byOrder, byManifest (order numbers without case, like orders.number)
    expect(planOf(db, 'SELECT * FROM documents WHERE order_number = ? ORDER BY created_at, id', 'pd-1')).toMatch(usesIndex('documents_order'));
    expect(planOf(db, 'SELECT * FROM documents WHERE manifest_number = ? ORDER BY created_at, id', 'M-1')).toMatch(usesIndex('documents_manifest'));
    // storage/repositories/printer-profiles.ts: one, all
    expect(planOf(db, 'SELECT * FROM printer_profiles WHERE station_id = ? AND document_kind = ?', 'ST-01', 'label')).toMatch(
      usesIndex('sqlite_autoindex_printer_profiles_1'),
    );
    expect(planOf(db, 'SELECT * FROM printer_profiles WHERE station_id = ? ORDER BY document_kind', 'ST-01')).toMatch(
      usesIndex('sqlite_autoindex_printer_profiles_1'),
    );
    // No repository query reads these two yet: a document's jobs (also what the foreign key
    // from print_jobs looks up when a document row goes) and a parcel by its order.
    expect(planOf(db, 'SELECT id FROM print_jobs WHERE document_id = ?', 1)).toMatch(usesIndex('print_jobs_document'));
    expect(planOf(db, 'SELECT tracking_number FROM manifest_parcels WHERE order_number = ?', 'PD-1')).toMatch(usesIndex('manifest_parcels_order'));
  });

  it('finds documents and manifest parcels by order number in any case', () => {
    const db = migrated();
    insert(db, 'documents', document());
    insert(db, 'manifest_parcels', parcel(insert(db, 'manifests', manifest('M-1'))));
    expect(db.prepare("SELECT path FROM documents WHERE order_number = 'pd-1'").all()).toEqual([{ path: 'documents/2026/03/PD-1-1.pdf' }]);
    expect(db.prepare("SELECT tracking_number FROM manifest_parcels WHERE order_number = 'pd-1'").all()).toHaveLength(1);
  });
});
