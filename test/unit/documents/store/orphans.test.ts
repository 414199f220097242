import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../../src/app/ports';
import { createDocumentArchive } from '../../../../src/documents/store/archive';
import { archiveFolders, OrphanSweeper, removeOrphanDocuments } from '../../../../src/documents/store/orphans';
import { openDatabase, type Database } from '../../../../src/storage/db';
import { migrate } from '../../../../src/storage/migrate';
import { createDocumentRecordRepository, recordedDocumentPaths } from '../../../../src/storage/repositories/document-records';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

function station() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-orphans-'));
  const db: Database = openDatabase(path.join(dataDir, 'packdesk.sqlite'));
  cleanups.push(() => {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  migrate(db);
  const archive = createDocumentArchive({ dataDir, records: createDocumentRecordRepository(db), clock: () => new Date('2026-03-02T08:00:00.000Z') });
  const label = (order: string) => ({ format: 'zpl' as const, bytes: Buffer.from(`^XA^FD${order}^FS^XZ`), replacedCharacters: [] });
  /** A document kept in a transaction that then rolls back, as a crash or a full disk after the write does. */
  const keptThenRolledBack = (order: string): string => {
    let relative = '';
    expect(() =>
      db.transaction(() => {
        relative = archive.keep('label', label(order), { orderNumber: order, parcelIndex: 1 }).path;
        throw new Error('the journal append failed: disk full');
      })(),
    ).toThrow(/disk full/);
    return relative;
  };
  const age = (relative: string, minutes: number) => {
    const at = new Date(Date.now() - minutes * 60_000);
    fs.utimesSync(path.join(dataDir, relative), at, at);
  };
  const exists = (relative: string) => fs.existsSync(path.join(dataDir, relative));
  const recordedIn = (folder: string) => recordedDocumentPaths(db, folder);
  return { dataDir, db, archive, label, keptThenRolledBack, age, exists, recordedIn };
}

describe('documents whose record rolled back', () => {
  it('are removed once old enough; recorded documents, fresh files and anything else stay', () => {
    const s = station();
    const kept = s.archive.keep('label', s.label('PD-1'), { orderNumber: 'PD-1', parcelIndex: 1 }).path;
    const orphan = s.keptThenRolledBack('PD-2');
    const fresh = s.keptThenRolledBack('PD-3');
    const halfWritten = 'documents/2026/03/20260302T080000000Z-label-PD-4-p1-00000000.zpl.partial';
    fs.writeFileSync(path.join(s.dataDir, halfWritten), '^XA^FD');
    fs.writeFileSync(path.join(s.dataDir, 'documents', 'README.txt'), 'not part of the archive');
    for (const old of [kept, orphan, halfWritten]) s.age(old, 30);
    expect(s.exists(orphan)).toBe(true);

    expect(archiveFolders(s.dataDir)).toEqual(['documents/2026/03']);
    expect(removeOrphanDocuments('documents/2026/03', { dataDir: s.dataDir, recordedIn: s.recordedIn }).sort()).toEqual([orphan, halfWritten].sort());
    expect(s.exists(orphan)).toBe(false);
    expect(s.exists(halfWritten)).toBe(false);
    expect(s.exists(kept)).toBe(true);
    expect(s.exists(fresh)).toBe(true);
    expect(s.exists('documents/README.txt')).toBe(true);
    expect(Buffer.from(s.archive.read(s.archive.forOrder('PD-1')[0]!.id)).toString()).toBe('^XA^FDPD-1^FS^XZ');
  });

  it('knows the paths of one month only, not of a month that shares its prefix', () => {
    const s = station();
    const march = s.archive.keep('label', s.label('PD-1'), { orderNumber: 'PD-1' }).path;
    const rename = s.db.prepare('UPDATE documents SET path = ? WHERE id = ?');
    rename.run('documents/2026/030x/odd.zpl', s.archive.keep('label', s.label('PD-2'), { orderNumber: 'PD-2' }).id);
    rename.run('documents/2026/03.zpl', s.archive.keep('label', s.label('PD-3'), { orderNumber: 'PD-3' }).id);
    expect([...s.recordedIn('documents/2026/03')]).toEqual([march]);
    expect([...s.recordedIn('documents/2026/04')]).toEqual([]);
  });

  it('are swept by a long-running host after its start, and stopping waits for a sweep under way', async () => {
    const s = station();
    const orphan = s.keptThenRolledBack('PD-2');
    s.age(orphan, 30);
    const lines: string[] = [];
    const logger: Logger = { info: (msg) => lines.push(msg), warn: (msg) => lines.push(msg), error: (msg) => lines.push(msg) };
    const sweeper = new OrphanSweeper({ dataDir: s.dataDir, recordedIn: s.recordedIn, logger, firstAfterMs: 5 });
    sweeper.start();
    for (let i = 0; i < 100 && s.exists(orphan); i++) await new Promise((r) => setTimeout(r, 10));
    await sweeper.stop();
    expect(s.exists(orphan)).toBe(false);
    expect(lines).toEqual(['documents whose record rolled back were removed']);
  });
});
