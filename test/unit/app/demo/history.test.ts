import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, it, expect } from 'vitest';
import { seedDemo } from '../../../../src/app/demo/seed';
import type { Clock } from '../../../../src/app/ports';
import type { JournalEntry } from '../../../../src/app/ports/journal';
import { DEFAULT_IDLE_GAP_SECONDS } from '../../../../src/domain/statistics';
import { createJournal } from '../../../../src/journal/journal';
import { loadOrCreateStationKey } from '../../../../src/journal/key-file';
import { verifyJournal } from '../../../../src/journal/verify';
import { openDatabase } from '../../../../src/storage/db';
import { loadOrCreateBadgeKey } from '../../../../src/storage/badge-key';
import { createJournalRows } from '../../../../src/storage/repositories/journal-rows';
import { createStatisticsSource } from '../../../../src/storage/repositories/statistics';
import { createStore } from '../../../../src/storage/store';

const now = new Date('2026-03-02T08:00:00.000Z');
const WEEK_MS = 7 * 24 * 3600 * 1000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const clean of cleanups.splice(0)) clean();
});

/** The demo's history seeded into a real database file, read back through the journal's rows. */
function seededStation(orders = 120) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-history-'));
  const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
  cleanups.push(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const store = createStore(db, { backupDir: path.join(dir, 'backups'), keepBackups: 2, clock: () => now, badgeKey: loadOrCreateBadgeKey(dir) });
  const rows = createJournalRows(db);
  const key = loadOrCreateStationKey(dir);
  const started = performance.now();
  const journal = (clock: Clock) => createJournal(rows, clock, key);
  const counts = seedDemo(store, { orders, now, hashPin: (pin) => `test-hash-${pin}`.padEnd(40, '-'), journal });
  const ms = performance.now() - started;
  const entries: JournalEntry[] = createJournal(rows, { now: () => now }, key).range(1, 100_000);
  return { db, store, rows, counts, entries, ms };
}

describe('the demo shop’s packed past in the journal', () => {
  it('journals every shipped order as packed at ST-01 and ST-02 by several packers over the past week', () => {
    const { store, counts, entries, ms } = seededStation();
    const shipped = store.orders.list({ status: 'shipped', limit: 1000, offset: 0 }).orders;
    expect(counts.packed).toBe(shipped.length);
    expect(shipped.length).toBeGreaterThan(5);
    for (const order of shipped) {
      const types = entries.filter((e) => e.subject?.id === order.number).map((e) => e.type);
      expect(types[0]).toBe('pack.opened');
      expect(types.at(-1)).toBe('pack.completed');
      expect(types).toContain('pack.weighed');
    }
    expect(new Set(entries.map((e) => e.stationId))).toEqual(new Set(['ST-01', 'ST-02']));
    expect(new Set(entries.filter((e) => e.type === 'pack.scan').map((e) => e.actorId)).size).toBeGreaterThanOrEqual(3);
    const times = entries.map((e) => Date.parse(e.at));
    expect(Math.min(...times)).toBeGreaterThan(now.getTime() - WEEK_MS);
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(ms).toBeLessThan(1000);
  });

  it('holds the mistakes a manager looks for: a wrong item, a duplicate serial, an override with its reason', () => {
    const { entries } = seededStation();
    const verdicts = entries.map((e) => e.payload.verdict);
    expect(verdicts).toContain('wrong_item');
    expect(verdicts).toContain('duplicate_serial');
    const wrong = entries.findIndex((e) => e.payload.verdict === 'wrong_item');
    expect(entries[wrong + 1]).toMatchObject({ type: 'pack.acknowledged', payload: { cleared: 'wrong_item' } });
    const override = entries.find((e) => e.type === 'pack.override');
    expect(override?.payload).toMatchObject({ kind: 'force_complete', manager: 'Katarzyna Wójcik' });
    expect(String(override?.payload.reason).length).toBeGreaterThan(20);
  });

  it('packs fragile goods among the rest, so the week’s statistics count a fragile factor', () => {
    const { db, entries } = seededStation();
    const lines = entries.filter((e) => e.type === 'pack.completed').flatMap((e) => e.payload.lines as { fragile: boolean }[]);
    expect(lines.filter((l) => l.fragile).length).toBeGreaterThan(0);
    expect(lines.filter((l) => !l.fragile).length).toBeGreaterThan(lines.filter((l) => l.fragile).length);
    const week = { from: new Date(now.getTime() - WEEK_MS).toISOString(), to: now.toISOString(), idleGapSeconds: DEFAULT_IDLE_GAP_SECONDS };
    const facts = createStatisticsSource(db).completedFacts(week);
    expect(facts.length).toBeGreaterThan(5);
    expect(facts.filter((f) => f.factors.fragile > 0).length).toBeGreaterThan(0);
  });

  it('leaves a chain that verifies, and is the same history every time', () => {
    const first = seededStation();
    const verification = verifyJournal(first.rows);
    expect(verification.problems).toEqual([]);
    expect(verification.intact).toBe(true);
    expect(verification.entries).toBe(first.entries.length);
    const again = seededStation();
    const strip = (e: JournalEntry) => [e.at, e.type, e.stationId, e.actorId, e.subject?.id, JSON.stringify(e.payload)];
    expect(again.entries.map(strip)).toEqual(first.entries.map(strip));
  });

  it('writes nothing to the journal when seeded without one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-history-'));
    const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
    cleanups.push(() => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });
    const store = createStore(db, { backupDir: path.join(dir, 'backups'), keepBackups: 2, clock: () => now, badgeKey: loadOrCreateBadgeKey(dir) });
    expect(seedDemo(store, { orders: 60, now, hashPin: (pin) => `test-hash-${pin}`.padEnd(40, '-') }).packed).toBeUndefined();
    expect(createJournalRows(db).count()).toBe(0);
  });
});
