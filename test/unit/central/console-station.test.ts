import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../../src/central/central';
import { computeStatistics, defaultFit, type Figures } from '../../../src/domain/statistics';
import { createJournalSearch } from '../../../src/storage/repositories/journal-search';
import { createStatisticsSource } from '../../../src/storage/repositories/statistics';
import { ok, useTwoStationsAtCentral, type AttachedConsole } from './console-fixture';
import { openCentral } from './replication-fixtures';

/**
 * The manager's console at a station attached to central reads every station (issue 13, point
 * 5): through the station's own contract, the journal search, statistics and an order's timeline
 * equal the union (the sum) of both stations' own; central stopped, the station answers with its
 * own and says so.
 */
const setUp = useTwoStationsAtCentral();
let call: AttachedConsole['call'];
let stations: AttachedConsole['stations'];
let before: string;
let central: RunningCentral;
let booted: AttachedConsole['booted'];

beforeAll(() => {
  ({ call, stations, before, central, booted } = setUp());
});

const hashes = (entries: readonly { hash: string }[]) => entries.map((e) => e.hash).sort();

describe("the console of a station attached to central, over two stations' journals", () => {
  it('searches every station: what each finds in its own, together, each entry naming its station', async () => {
    const completed = stations.map((s) => createJournalSearch(s.db).search({ types: ['pack.completed'], limit: 1, offset: 0 }).entries[0]!);
    const order = completed[1]!.subject!.id;
    const queries = [
      { types: ['pack.completed'], to: before },
      { types: ['pack.scan', 'pack.override'], to: before },
      { text: order, to: before },
      { orderNumber: order, to: before },
      { userId: completed[1]!.actorId!, types: ['pack.completed'], to: before },
    ];
    for (const q of queries) {
      const { orderNumber, userId, ...rest } = q as typeof q & { orderNumber?: string; userId?: number };
      const own = stations.map((s) =>
        createJournalSearch(s.db).search({
          ...rest,
          ...(orderNumber ? { subject: { kind: 'order', id: orderNumber } } : {}),
          ...(userId !== undefined ? { actorId: userId } : {}),
          limit: 200,
          offset: 0,
        }),
      );
      const page = await ok(call('journal.search', { ...q, limit: 200, offset: 0 }));
      expect(page.readFrom).toBe('central');
      expect(page.total, JSON.stringify(q)).toBe(own.reduce((n, p) => n + p.total, 0));
      expect(page.total).toBeGreaterThan(0);
      const union = own.flatMap((p) => p.entries);
      if (union.length <= 200) expect(hashes(page.entries), JSON.stringify(q)).toEqual(hashes(union));
      // Each entry is said in words and names the station it was made at.
      for (const e of page.entries) {
        const mine = union.find((u) => u.hash === e.hash);
        if (mine) expect(e.stationId).toBe(mine.stationId);
        expect(e.text.length).toBeGreaterThan(0);
      }
    }
    // B's entries are among them: the order packed at B is found at A.
    const atB = await ok(call('journal.search', { types: ['pack.completed'], text: order, limit: 50, offset: 0 }));
    expect(atB.entries.some((e) => e.hash === completed[1]!.hash)).toBe(true);
  });

  it("statistics and the payroll export: every packer's figures are the sum of each station's own", async () => {
    const last = createJournalSearch(stations[0]!.db).search({ types: ['pack.completed'], limit: 1, offset: 0 }).entries[0]!.at;
    const to = new Date(Date.parse(last) + 1000).toISOString();
    const from = new Date(Date.parse(to) - 7 * 86_400_000).toISOString();
    const all = await ok(call('stats.packers', { from, to }));
    expect(all.readFrom).toBe('central');
    const own = stations.map((s) =>
      computeStatistics({
        sessions: createStatisticsSource(s.db).completedSessions({ from, to }),
        attributions: [],
        fits: new Map(),
        defaultFit: defaultFit(),
      }),
    );
    const pick = (f: Figures) => [
      f.orders,
      f.ordersTouched,
      f.lines,
      f.units,
      f.scans,
      f.errorsTotal,
      f.overrides,
      f.parcels,
      f.activeSeconds,
      f.expectedSeconds,
    ];
    const summed = new Map<number, number[]>();
    for (const p of own.flatMap((s) => s.packers)) {
      const was = summed.get(p.packerId);
      const now = pick(p.figures);
      summed.set(p.packerId, was ? was.map((v, i) => Math.round((v + now[i]!) * 1000) / 1000) : now);
    }
    expect(summed.size).toBeGreaterThan(0);
    expect(new Map(all.packers.map((p) => [p.packer.id, pick(p.figures)]))).toEqual(summed);
    // Named by the station: the demo's people are the same at both stations.
    expect(all.packers.every((p) => !p.packer.name.startsWith('#'))).toBe(true);
    expect(all.total.ordersTouched).toBe(own.reduce((n, s) => n + s.total.ordersTouched, 0));

    const file = await ok(call('stats.export', { from, to, format: 'json' }));
    expect(file.readFrom).toBe('central');
    const json = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as { packers: { id: number; figures: Figures }[] };
    for (const [id, figures] of summed) expect(pick(json.packers.find((p) => p.id === id)!.figures)).toEqual(figures);
  });

  it("an order's timeline holds every station's entries for it, each once", async () => {
    const order = createJournalSearch(stations[1]!.db).search({ types: ['pack.completed'], limit: 1, offset: 0 }).entries[0]!.subject!.id;
    const own = stations.map((s) => createJournalSearch(s.db).search({ subject: { kind: 'order', id: order }, limit: 200, offset: 0 }).entries);
    const timeline = await ok(call('review.timeline', { orderNumber: order }));
    expect(timeline.readFrom).toBe('central');
    expect(own[1]!.length).toBeGreaterThan(0);
    expect(hashes(timeline.entries)).toEqual(hashes(own.flat()));
    const times = timeline.entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('the shift view lists every station central knows with its people; the stations tab its alarms and parked events, one sent again', async () => {
    const view = await ok(call('shift.view', {}));
    expect(view.readFrom).toBe('central');
    expect(view.floor.map((s) => s.stationId)).toEqual(['PACK-A', 'PACK-B']);
    expect(view.floor.every((s) => s.lastEntry !== null)).toBe(true);

    // An event B forwarded that the shop refused: parked at central.
    const [receipt] = await central.store.outbox.accept(
      'PACK-B',
      [
        {
          eventId: 7,
          type: 'note',
          orderNumber: 'PD-100001',
          idempotencyKey: 'note:PD-100001:7',
          payload: { externalOrderId: 'PD-100001', note: 'Parcel left at the door', idempotencyKey: 'note:PD-100001:7' },
          createdAt: new Date().toISOString(),
          shopAttempts: 0,
        },
      ],
      new Date(),
    );
    await central.store.outbox.park(receipt!.centralId, 'The shop refused it: 422', new Date().toISOString());
    const floor = await ok(call('central.floor', {}));
    expect(floor).toMatchObject({ readFrom: 'central', alarms: [], counts: { parked: 1 } });
    expect(floor.parked).toEqual([expect.objectContaining({ centralId: receipt!.centralId, stationId: 'PACK-B', lastError: 'The shop refused it: 422' })]);

    expect(await ok(call('central.requeue', { centralId: receipt!.centralId }))).toEqual({ requeued: true });
    expect((await central.store.outbox.list(10)).find((e) => e.centralId === receipt!.centralId)?.status).toBe('queued');
    const journaled = booted.journal.bySubject({ kind: 'order', id: 'PD-100001' }).filter((e) => e.type === 'central.requeued');
    expect(journaled.at(-1)?.payload).toMatchObject({ centralId: receipt!.centralId, requeued: true, stationId: 'PACK-B' });
    // Sent again already: nothing more to requeue.
    expect(await ok(call('central.requeue', { centralId: receipt!.centralId }))).toEqual({ requeued: false });
  });

  it("central stopped: each screen shows this station's own and says so; back again, every station", async () => {
    const port = Number(new URL(central.url).port);
    await central.close();
    const q = { types: ['pack.completed'], to: before, limit: 200, offset: 0 };
    const page = await ok(call('journal.search', q));
    expect(page.readFrom).toBe('station-only');
    const own = createJournalSearch(stations[0]!.db).search({ types: ['pack.completed'], to: before, limit: 200, offset: 0 });
    expect(page.total).toBe(own.total);
    expect(hashes(page.entries)).toEqual(hashes(own.entries));
    const now = new Date();
    const stats = await ok(call('stats.packers', { from: new Date(now.getTime() - 86_400_000).toISOString(), to: now.toISOString() }));
    expect(stats.readFrom).toBe('station-only');
    expect((await ok(call('shift.view', {}))).readFrom).toBe('station-only');
    expect(await ok(call('central.floor', {}))).toMatchObject({ readFrom: 'station-only', unreachable: expect.stringContaining('cannot be reached') });
    const refused = await call('central.requeue', { centralId: 1 });
    expect(refused.ok ? null : refused.error.code).toBe('CENTRAL_UNREACHABLE');

    central = await openCentral(setUp().database, port);
    setUp().central = central;
    expect((await ok(call('journal.search', q))).readFrom).toBe('central');
  });
});
