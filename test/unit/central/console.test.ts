import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalQuery } from '../../../src/app/ports/journal';
import type { CentralJournalPage } from '../../../src/app/ports/replication';
import { DATABASE_FILE } from '../../../src/boot/data-dir';
import { bootStation } from '../../../src/boot/station';
import type { RunningCentral } from '../../../src/central/central';
import {
  addNumbers,
  analyseSession,
  CONTRIBUTION_FIELDS,
  defaultFit,
  expectedOfSums,
  figuresFromSums,
  sessionContributions,
  zeroNumbers,
  type ContributionNumbers,
  type Figures,
  type Statistics,
} from '../../../src/domain/statistics';
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

  it("a week's statistics per packer (orders, lines, units, score, each complexity factor) equal the sum of each station's own", async () => {
    // The demo's week of history at both stations.
    const period = { from: new Date(Date.now() - 14 * 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const atCentral = await ask<Pick<Statistics, 'packers' | 'total'>>('/v1/console/statistics', period);
    expect(atCentral.total.ordersTouched).toBeGreaterThan(0);

    // Each station's own sessions, counted by its own statistics (with the order lines of its own
    // catalogue): every packer's numbers summed over both stations.
    const own = new Map<number, ContributionNumbers>();
    for (const s of stations) {
      for (const session of createStatisticsSource(s.db).completedSessions(period)) {
        for (const c of sessionContributions(analyseSession(session))) {
          if (c.packerId !== null) own.set(c.packerId, addNumbers(own.get(c.packerId) ?? zeroNumbers(), c.numbers));
        }
      }
    }
    // The demo's orders carry kits and heavy units, which central knows only from the completions.
    const all = [...own.values()].reduce((n, p) => addNumbers(n, p), zeroNumbers());
    expect(all.factorKits).toBeGreaterThan(0);
    expect(all.factorHeavy).toBeGreaterThan(0);
    expect(all.factorLines).toBeGreaterThan(all.orders);

    // Central's numbers of each packer: every one the sum of the stations' own.
    const { sums } = await central.store.journals.periodNumbers(period.from, period.to, new Map(), defaultFit());
    const atCentralNumbers = new Map<number, ContributionNumbers>();
    for (const r of sums) if (r.packerId !== null) atCentralNumbers.set(r.packerId, addNumbers(atCentralNumbers.get(r.packerId) ?? zeroNumbers(), r.numbers));
    expect([...atCentralNumbers.keys()].sort()).toEqual([...own.keys()].sort());
    for (const [packerId, numbers] of own) {
      for (const field of CONTRIBUTION_FIELDS) expect(atCentralNumbers.get(packerId)![field], `packer ${packerId} ${field}`).toBeCloseTo(numbers[field], 6);
    }

    // And the figures the console shows (score, expected time, lines, units…) are those of the summed numbers.
    const expected = new Map([...own].map(([packerId, n]) => [packerId, figuresFromSums(n, expectedOfSums(n, defaultFit()))]));
    for (const p of atCentral.packers) {
      const mine = expected.get(p.packerId)!;
      const pick = (f: Figures) => [
        f.orders,
        f.ordersTouched,
        f.lines,
        f.units,
        f.parcels,
        f.scans,
        f.errorsTotal,
        f.overrides,
        f.activeSeconds,
        f.expectedSeconds,
      ];
      expect(pick(p.figures), `packer ${p.packerId}`).toEqual(pick(mine));
      expect(p.figures.score, `packer ${p.packerId}`).toBeCloseTo(mine.score!, 2);
    }
    expect(atCentral.packers.length).toBe(own.size);
  });
});
