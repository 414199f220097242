import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalQuery } from '../../../src/app/ports/journal';
import type { CentralJournalPage } from '../../../src/app/ports/replication';
import { DATABASE_FILE } from '../../../src/boot/data-dir';
import { bootStation } from '../../../src/boot/station';
import type { RunningCentral } from '../../../src/central/central';
import { computeStatistics, defaultFit, type Figures, type Statistics } from '../../../src/domain/statistics';
import { readStationKey } from '../../../src/journal/key-file';
import { openDatabase } from '../../../src/storage/db';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { createJournalSearch } from '../../../src/storage/repositories/journal-search';
import { createStatisticsSource } from '../../../src/storage/repositories/statistics';
import { usePostgres } from '../../support/postgres-server';
import { expectSameJournal, link, openCentral, register, replicate, signedPost, worker } from './replication-fixtures';

const server = usePostgres();
let central: RunningCentral;
const stations: { id: string; dataDir: string; db: ReturnType<typeof openDatabase> }[] = [];

beforeAll(async () => {
  central = await openCentral(await server().createDatabase());
  // Two stations, each with its own demo shop packed (real packing entries), replicated to central.
  for (const [id, seed] of [
    ['PACK-A', 11],
    ['PACK-B', 12],
  ] as const) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `packdesk-${id}-`));
    await (await bootStation({ dataDir, host: 'cli', demo: { orders: 200, seed } })).close();
    const db = openDatabase(path.join(dataDir, DATABASE_FILE));
    const rows = createJournalRows(db);
    await register(central, id, dataDir);
    expect(await replicate(worker(rows, readStationKey(dataDir)!.publicKey, link(central.url, id, dataDir), 25))).toBe('idle');
    await expectSameJournal(central, id, rows);
    stations.push({ id, dataDir, db });
  }
}, 120_000);
afterAll(async () => {
  for (const s of stations) s.db.close();
  await central.close();
});

const ask = <T>(pathName: string, input: unknown) => signedPost<T>(central.url, 'PACK-A', stations[0]!.dataDir, pathName, input);

describe("the manager's console at central, over two stations", () => {
  it('finds in the journal what each station finds in its own, together', async () => {
    const first = stations.map((s) => createJournalSearch(s.db).search({ types: ['pack.completed'], limit: 1, offset: 0 }).entries[0]!);
    const order = first[0]!.subject!.id;
    const queries: Omit<JournalQuery, 'limit' | 'offset'>[] = [
      {},
      { types: ['pack.completed'] },
      { types: ['pack.scan', 'pack.override'] },
      { text: order },
      { text: order.slice(0, 3) },
      { text: 'ok' },
      { actorId: first[1]!.actorId! },
      { subject: { kind: 'order', id: order } },
      { from: first[0]!.at, to: new Date(Date.parse(first[0]!.at) + 3 * 86_400_000).toISOString() },
      { text: 'no such words anywhere' },
    ];
    for (const q of queries) {
      const own = stations.map((s) => createJournalSearch(s.db).search({ ...q, limit: 200, offset: 0 }));
      const atCentral = await ask<CentralJournalPage>('/v1/console/journal-search', { ...q, limit: 200, offset: 0 });
      if (q.text === order || q.types) expect(atCentral.total).toBeGreaterThan(0);
      expect(atCentral.total, JSON.stringify(q)).toBe(own.reduce((n, p) => n + p.total, 0));
      const hashes = (entries: { hash: string }[]) => entries.map((e) => e.hash).sort();
      const union = own.flatMap((p) => p.entries);
      if (union.length <= 200) expect(hashes(atCentral.entries), JSON.stringify(q)).toEqual(hashes(union));
      else {
        // More than a page: central's page is the 200 newest of both stations'.
        const newest = union.map((e) => e.at).sort((a, b) => (a < b ? 1 : -1));
        expect(atCentral.entries.every((e) => union.some((u) => u.hash === e.hash))).toBe(true);
        expect(atCentral.entries.at(-1)!.at >= newest[199]!).toBe(true);
      }
    }
    // Words at one station (looked up in that station's own words when rare): what that station finds in its own journal.
    for (const s of stations) {
      for (const text of [order, order.slice(0, 3), 'ok', `${order} ok`]) {
        const own = createJournalSearch(s.db).search({ text, limit: 200, offset: 0 });
        const atCentral = await ask<CentralJournalPage>('/v1/console/journal-search', { stationId: s.id, text, limit: 200, offset: 0 });
        expect(atCentral.total, `${s.id} ${text}`).toBe(own.total);
        if (own.total <= 200) expect(atCentral.entries.map((e) => e.hash).sort(), `${s.id} ${text}`).toEqual(own.entries.map((e) => e.hash).sort());
      }
    }
    // A page is newest first across the stations.
    const page = await ask<CentralJournalPage>('/v1/console/journal-search', { limit: 50, offset: 0 });
    const times = page.entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("a day's statistics per packer equal the sum of each station's own", async () => {
    // The day with the most completions over both stations.
    const days = new Map<string, number>();
    for (const s of stations) {
      for (const e of createJournalSearch(s.db).search({ types: ['pack.completed'], limit: 200, offset: 0 }).entries) {
        days.set(e.at.slice(0, 10), (days.get(e.at.slice(0, 10)) ?? 0) + 1);
      }
    }
    const day = [...days].sort((a, b) => b[1] - a[1])[0]![0];
    const period = { from: `${day}T00:00:00.000Z`, to: new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString() };
    const atCentral = await ask<Pick<Statistics, 'packers' | 'total'>>('/v1/console/statistics', period);
    expect(atCentral.total.ordersTouched).toBeGreaterThan(0);

    // Each station's own sessions (read by the station's statistics source), without order lines, which central does not hold.
    const own = stations.map((s) =>
      computeStatistics({
        sessions: createStatisticsSource(s.db)
          .completedSessions(period)
          .map((session) => ({ ...session, lines: [] })),
        attributions: [],
        fits: new Map(),
        defaultFit: defaultFit(),
      }),
    );
    const pick = (f: Figures) => [f.orders, f.ordersTouched, f.units, f.scans, f.errorsTotal, f.overrides, f.weightMismatches, f.parcels, f.activeSeconds];
    const summed = new Map<number, number[]>();
    for (const stats of own) {
      for (const p of stats.packers) {
        const before = summed.get(p.packerId);
        const now = pick(p.figures);
        summed.set(p.packerId, before ? before.map((v, i) => Math.round((v + now[i]!) * 1000) / 1000) : now);
      }
    }
    expect(new Map(atCentral.packers.map((p) => [p.packerId, pick(p.figures)]))).toEqual(summed);
    expect(atCentral.total.ordersTouched).toBe(own.reduce((n, s) => n + s.total.ordersTouched, 0));
  });
});
