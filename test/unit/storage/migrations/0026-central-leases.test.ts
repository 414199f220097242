import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src/storage/db';
import { migrate, schemaVersion } from '../../../../src/storage/migrate';
import { centralLeases } from '../../../../src/storage/migrations/0026-central-leases';
import { createCentralLeaseBook } from '../../../../src/storage/repositories/central-lease-book';
import { freshDir, track } from '../fixtures';
import { migrationsBefore, migrationsThrough } from './schema-probe';

describe('migration 0026-central-leases', () => {
  it('keeps leases and untold completions; a packed order spends its lease and is told once', () => {
    const db = track(openDatabase(path.join(freshDir(), 'packdesk.sqlite')));
    migrate(db, migrationsBefore(centralLeases));
    migrate(db, migrationsThrough(centralLeases));
    expect(schemaVersion(db)).toBe(26);
    const book = createCentralLeaseBook(db);
    const until = new Date('2026-12-02T10:00:00Z');
    book.replace([
      { orderNumber: 'A-2', expiresAt: until },
      { orderNumber: 'A-1', expiresAt: until },
    ]);
    expect(book.leases().map((l) => l.orderNumber)).toEqual(['A-1', 'A-2']);
    book.packed('A-1', '2026-12-02T09:00:00Z');
    book.packed('A-1', '2026-12-02T09:00:01Z');
    expect(book.leases()).toEqual([{ orderNumber: 'A-2', expiresAt: until }]);
    expect(book.untold()).toEqual(['A-1']);
    book.told('A-1');
    expect(book.untold()).toEqual([]);
    book.replace([]);
    expect(book.leases()).toEqual([]);
  });
});
