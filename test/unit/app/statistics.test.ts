import path from 'node:path';
import Database from 'better-sqlite3';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/contract/errors';
import { CODES, createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';
import { createStatisticsSource } from '../../../src/storage/repositories/statistics';

let f: StationFixture;
let call: ReturnType<typeof typedCall>;
beforeEach(() => {
  f = createStationFixture();
  call = typedCall(f.station);
  f.scale.start();
});
afterEach(() => f.close());

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(f.logs.filter((l) => l.level === 'error'))}`);
  return result.value;
}

const scan = (data: string) => ok(call('scan.submit', { data, symbology: null, source: 'wedge' }));
const later = (seconds: number) => f.clock.advance(seconds * 1000);
const DAY = { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' };
const id = (badge: string) => f.store.users.byBadge(badge)!.id;

/** The catalogue marks a product fragile (or takes the mark off), as an import saying so does. */
function markFragile(sku: string, fragile = true) {
  const { id: _id, ...product } = f.store.catalog.productBySku(sku)!;
  f.store.catalog.importCatalog({ products: [{ ...product, fragile, barcodes: [] }], kits: [], boxes: [] });
}

async function asManager() {
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
}

/** The packer packs PD-100001's two mugs, ten seconds apart, and completes it. */
async function packTwoMugs() {
  await scan('PD-P-0001');
  await scan('PD-100001');
  later(10);
  await scan(CODES.mug);
  later(10);
  await scan(CODES.mug);
  await finish();
}

/** Box, weigh (within tolerance unless told) and complete the open order of two mugs. */
async function finish(grams = 830) {
  later(5);
  await scan('BOX-K1');
  later(5);
  f.scale.setWeight(grams);
  await ok(call('pack.weigh', { parcel: 1 }));
  if (grams !== 830) {
    later(5);
    f.scale.setWeight(830);
    await ok(call('pack.weigh', { parcel: 1 }));
  }
  later(5);
  await ok(call('pack.complete', {}));
}

describe('a packer’s own statistics', () => {
  it('shows their figures and the orders behind them, and refuses anyone else’s', async () => {
    await scan('PD-P-0001');
    await scan('PD-100001');
    later(10);
    await scan(CODES.mug);
    later(10);
    await scan(CODES.stranger); // a wrong item, caught
    later(3);
    await ok(call('pack.acknowledge', {}));
    later(600); // away from the table: an idle gap, left out
    await scan(CODES.mug);
    await finish(900);

    const mine = await ok(call('stats.packer', DAY));
    expect(mine.packer).toEqual({ id: id('PD-P-0001'), name: 'Anna Kowalska' });
    expect(mine.figures).toMatchObject({ orders: 1, units: 2, parcels: 1, lines: 1, scans: 4, errorsTotal: 1, weightMismatches: 1, idleGaps: 1 });
    expect(mine.figures.activeSeconds).toBe(10 + 10 + 3 + 5 + 5 + 5 + 5);
    expect(mine.figures.errors).toEqual({ wrong_item: 1, too_many: 0, unknown_barcode: 0 });
    expect(mine.figures.errorsPer100Scans).toBe(25);
    expect(mine.figures.ordersPerHour).toBeCloseTo(3600 / 43, 2);
    expect(mine.orders).toEqual([
      expect.objectContaining({ orderNumber: 'PD-100001', share: 1, units: 2, idleSecondsLeftOut: 600, errors: 1, stationId: 'ST-01' }),
    ]);
    expect(mine.fits).toEqual([expect.objectContaining({ stationId: 'ST-01', method: 'default', fallback: 'not_fitted' })]);
    expect(mine.figures.score).toBeGreaterThan(0);
    expect(mine.hourly).toHaveLength(24);
    expect(mine.hourly[8]).toBe(1);

    const piotr = id('PD-P-0002');
    for (const refused of [
      await call('stats.packer', { ...DAY, packerId: piotr }),
      await call('stats.trend', { packerId: piotr }),
      await call('stats.packers', DAY),
      await call('stats.export', { ...DAY, format: 'csv' }),
      await call('stats.fit', {}),
    ]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Their own, by id too; and their own trend.
    expect((await ok(call('stats.packer', { ...DAY, packerId: id('PD-P-0001') }))).figures.orders).toBe(1);
    const weeks = await ok(call('stats.trend', { weeks: 2 }));
    expect(weeks.packerId).toBe(id('PD-P-0001'));
    expect(weeks.weeks.at(-1)).toMatchObject({ orders: 1, scans: 4, errorsTotal: 1, errorsPer100Scans: 25 });
  });

  it('counts each packed unit of a fragile product in the fragile factor, as its completion recorded the catalogue', async () => {
    markFragile('MUG-01');
    await packTwoMugs();
    const completed = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).find((e) => e.type === 'pack.completed')!;
    expect(completed.payload.lines).toEqual([expect.objectContaining({ sku: 'MUG-01', quantity: 2, fragile: true })]);
    const mine = await ok(call('stats.packer', DAY));
    expect(mine.orders).toEqual([expect.objectContaining({ orderNumber: 'PD-100001', factors: expect.objectContaining({ units: 2, fragile: 2 }) })]);
    // The mark taken off afterwards: the session stays counted as it was packed.
    markFragile('MUG-01', false);
    expect((await ok(call('stats.packer', DAY))).orders[0]!.factors.fragile).toBe(2);
  });

  it('refuses a caller who is not logged in', async () => {
    expect(await call('stats.packer', DAY)).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  });

  it('journals whether each weighing was within tolerance', async () => {
    await scan('PD-P-0001');
    await scan('PD-100001');
    await scan(CODES.mug);
    await scan(CODES.mug);
    await finish(900);
    const weighed = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).filter((e) => e.type === 'pack.weighed');
    expect(weighed.map((e) => e.payload)).toEqual([
      expect.objectContaining({ grams: 900, expectedGrams: 820, allowedGrams: 50, withinTolerance: false }),
      expect.objectContaining({ grams: 830, withinTolerance: true }),
    ]);
  });
});

describe('the manager’s statistics', () => {
  it('splits an order put back by one packer and finished by another, and counts a return attributed to the packing', async () => {
    await scan('PD-P-0001');
    await scan('PD-100001');
    later(20);
    await scan(CODES.mug);
    later(10);
    await ok(call('pack.close', {}));
    later(3600); // an hour on the shelf: nobody's time
    await scan('PD-P-0002');
    await scan('PD-100001');
    later(30);
    await scan(CODES.mug);
    await finish();
    const anna = id('PD-P-0001');
    const piotr = id('PD-P-0002');
    const order = f.store.orders.byNumber('PD-100001')!;
    const sessionId = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).at(-1)!.payload.sessionId as number;
    // What the returns desk will write when it finds Piotr's mug was the wrong one.
    f.journal.append({
      type: 'returns.packing_error_attributed',
      stationId: 'ST-02',
      actorId: null,
      subject: { kind: 'order', id: 'PD-100001' },
      payload: { sessionId, packerId: piotr, orderId: order.id, at: '2026-11-27T10:00:00.000Z', kind: 'complaint' },
    });

    await asManager();
    const all = await ok(call('stats.packers', DAY));
    const byId = new Map(all.packers.map((p) => [p.packer.id, p.figures]));
    expect(byId.get(anna)).toMatchObject({ orders: 0.5, units: 1, activeSeconds: 30, sharedOrders: 1, returns: 0 });
    expect(byId.get(piotr)).toMatchObject({ orders: 0.5, units: 1, activeSeconds: 45, sharedOrders: 1, returns: 1, returnsPer1000Orders: 2000 });
    expect(all.stations).toEqual([
      expect.objectContaining({ stationId: 'ST-01', name: 'Station 1', figures: expect.objectContaining({ orders: 1, units: 2, activeSeconds: 75 }) }),
    ]);
    expect(all.total).toMatchObject({ orders: 1, returns: 1 });
    expect(all.scoreDistribution.reduce((a, b) => a + b, 0)).toBe(1);
    // The returns desk's own record of a confirmed packing error (return_items, 0016) counts too.
    const db = new Database(path.join(f.dir, 'packdesk.sqlite'));
    try {
      db.prepare(
        `INSERT INTO returns (id, number, order_id, type, status, station_id, handler_id, received_at, received_on, time_zone, deadline_kind,
           deadline_last_day, deadline_ends_at, eligibility, decided_at, decided_by, created_at, updated_at)
         VALUES (1, 'R-2026-000001', ?, 'withdrawal', 'decided', 'ST-02', ?, 'a', '2026-11-27', 'Europe/Warsaw', 'refund', '2026-12-11', 'b', '{}', 'c', ?, 'd', 'e')`,
      ).run(order.id, id('PD-M-0001'), id('PD-M-0001'));
      db.prepare(
        `INSERT INTO return_items (return_id, quantity, packing_error_confirmed, packing_session_id, packer_id, attributed_at, created_at, updated_at)
         VALUES (1, 1, 1, ?, ?, '2026-11-27T10:00:00.000Z', 'f', 'g')`,
      ).run(sessionId, anna);
    } finally {
      db.close();
    }
    const withDesk = await ok(call('stats.packers', DAY));
    expect(withDesk.packers.find((p) => p.packer.id === anna)!.figures).toMatchObject({ returns: 1, returnsPer1000Orders: 2000 });
    expect(withDesk.total.returns).toBe(2);
    // A manager opens anyone's, with the orders behind it.
    const his = await ok(call('stats.packer', { ...DAY, packerId: piotr }));
    expect(his.orders).toEqual([expect.objectContaining({ orderNumber: 'PD-100001', share: 0.5, packers: [anna, piotr], resumed: true, returns: 1 })]);
    // The order counts in the period in which it was completed, not before.
    expect((await ok(call('stats.packers', { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' }))).packers).toEqual([]);
    expect(await call('stats.packers', { from: DAY.to, to: DAY.from })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('refits the seconds per factor on demand, journaled, and keeps the defaults with too few sessions', async () => {
    await asManager();
    const fit = await ok(call('stats.fit', { stationId: 'ST-02', days: 30 }));
    expect(fit).toMatchObject({ stationId: 'ST-02', method: 'default', fallback: 'too_few_sessions', sessions: 0, fittedBy: id('PD-M-0001') });
    const entry = f.journal.bySubject({ kind: 'station', id: 'ST-02' }).at(-1)!;
    expect(entry).toMatchObject({ type: 'stats.fitted', actorId: id('PD-M-0001'), payload: expect.objectContaining({ method: 'default', sessions: 0 }) });
    const fits = await ok(call('stats.fits', {}));
    expect(fits.map((x) => [x.stationId, x.fallback])).toEqual([
      ['ST-01', 'not_fitted'],
      ['ST-02', 'too_few_sessions'],
    ]);
    expect(await call('stats.fit', { stationId: 'ST-99' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('exports the period for payroll as CSV, XLSX with the definitions on a second sheet, and JSON, journaled', async () => {
    await packTwoMugs();
    await asManager();

    const xlsx = await ok(call('stats.export', { ...DAY, format: 'xlsx' }));
    expect(xlsx).toMatchObject({ fileName: 'packer-statistics-2026-11-20-2026-11-20.xlsx', rows: 2 });
    const bytes = Buffer.from(xlsx.base64, 'base64');
    const figures = await readSheet(bytes);
    expect(figures[0]!.slice(0, 4)).toEqual(['Packer ID', 'Packer', 'Orders', 'Parcels']);
    // One row per packer: Anna packed one order; Piotr, a packer too, has a row of zeros.
    expect(figures.slice(1).map((r) => [r[1], r[2], r[5]])).toEqual([
      ['Anna Kowalska', 1, 2],
      ['Piotr Nowak', 0, 0],
    ]);
    const definitions = await readSheet(bytes, 'Definitions');
    expect(definitions[0]).toEqual(['Figure', 'Definition']);
    expect(definitions.map((r) => r[0])).toEqual(expect.arrayContaining(['Orders', 'Score', 'Active hours', 'Returns per 1,000 orders']));

    const csv = await ok(call('stats.export', { ...DAY, format: 'csv' }));
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFPacker ID,Packer,Orders,')).toBe(true);
    expect(text.split('\r\n')[1]).toMatch(/^\d+,Anna Kowalska,1,1,1,2,/);
    const json = JSON.parse(Buffer.from((await ok(call('stats.export', { ...DAY, format: 'json' }))).base64, 'base64').toString('utf8'));
    expect(json.packers[0]).toMatchObject({ name: 'Anna Kowalska', figures: { orders: 1, units: 2 } });
    expect(json.definitions.score.definition).toContain('Expected hours divided by active hours');
    const exported = f.journal.range(1, 1000).filter((e) => e.type === 'stats.exported');
    expect(exported.map((e) => e.payload.format)).toEqual(['xlsx', 'csv', 'json']);
  });
});

describe('reading sessions from the journal', () => {
  const HOUR = 3_600_000;
  /** Appends a packing step of an order at the fixture clock's time, as the desk journals it. */
  function step(order: string, actor: string, type: string, payload: Record<string, unknown> = {}, stationId = 'ST-01') {
    f.journal.append({ type, stationId, actorId: id(actor), subject: { kind: 'order', id: order }, payload });
  }
  function at(iso: string) {
    f.clock.advance(Date.parse(iso) - f.clock.now().getTime());
  }

  it('counts a session begun days before the period whole, and a part put back long before by someone else', async () => {
    // Anna opens PD-100002 ten days early and puts it back; Piotr finishes it on the day.
    at('2026-11-10T09:00:00Z');
    step('PD-100002', 'PD-P-0001', 'pack.opened', { sessionId: 50 });
    later(20);
    step('PD-100002', 'PD-P-0001', 'pack.scan', { sessionId: 50, verdict: 'accepted', units: 1, sku: 'MUG-01' });
    later(10);
    step('PD-100002', 'PD-P-0001', 'pack.put_back', { sessionId: 50 });
    // Piotr opens PD-100006 five days early, works on it in two stretches, completes on the day.
    at('2026-11-15T09:00:00Z');
    step('PD-100006', 'PD-P-0002', 'pack.opened', { sessionId: 51 });
    later(30);
    step('PD-100006', 'PD-P-0002', 'pack.scan', { sessionId: 51, verdict: 'accepted', units: 1, sku: 'MUG-01' });
    at('2026-11-20T10:00:00Z');
    step('PD-100002', 'PD-P-0002', 'pack.resumed', { sessionId: 50 });
    later(40);
    step('PD-100002', 'PD-P-0002', 'pack.scan', { sessionId: 50, verdict: 'accepted', units: 1, sku: 'TEA-02', lot: 'L1' });
    later(20);
    step('PD-100002', 'PD-P-0002', 'pack.completed', { sessionId: 50, parcels: [{ no: 1 }] });
    later(60);
    step('PD-100006', 'PD-P-0002', 'pack.scan', { sessionId: 51, verdict: 'accepted', units: 12, sku: 'SOAP-01' });
    later(10);
    step('PD-100006', 'PD-P-0002', 'pack.completed', { sessionId: 51, parcels: [{ no: 1 }, { no: 2 }] });

    await asManager();
    const all = await ok(call('stats.packers', DAY));
    // PD-100006's five days on the shelf are an idle gap: 30 s before it and 10 s after it count.
    expect(all.total).toMatchObject({ orders: 2, units: 15, activeSeconds: 30 + 60 + 30 + 10, idleGaps: 1 });
    const anna = await ok(call('stats.packer', { ...DAY, packerId: id('PD-P-0001') }));
    expect(anna.figures).toMatchObject({ orders: 0.5, units: 1, activeSeconds: 30 });
    expect(anna.orders.map((o) => [o.orderNumber, o.share, o.packers.length])).toEqual([['PD-100002', 0.5, 2]]);
    const piotr = await ok(call('stats.packer', { ...DAY, packerId: id('PD-P-0002') }));
    expect(piotr.figures).toMatchObject({ orders: 1.5, units: 14, activeSeconds: 60 + 40 });
    expect(piotr.orders.map((o) => o.orderNumber).sort()).toEqual(['PD-100002', 'PD-100006']);
    const six = piotr.orders.find((o) => o.orderNumber === 'PD-100006')!;
    expect(six.factors).toMatchObject({ lines: 5, units: 13, parcels: 2, kits: 1 });
    expect(six.activeSeconds).toBe(40);
  });

  it('keeps the same counts whether a whole journal is counted in one pass or completion by completion', async () => {
    // Interleaved orders, a part put back and finished by someone else, and an order packed twice.
    at('2026-11-19T09:00:00Z');
    step('PD-100002', 'PD-P-0001', 'pack.opened', { sessionId: 80 });
    later(20);
    step('PD-100001', 'PD-P-0002', 'pack.opened', { sessionId: 81 }, 'ST-02');
    later(10);
    step('PD-100002', 'PD-P-0001', 'pack.scan', { sessionId: 80, verdict: 'accepted', units: 1, sku: 'MUG-01' });
    step('PD-100002', 'PD-P-0001', 'pack.put_back', { sessionId: 80 });
    later(30);
    step('PD-100001', 'PD-P-0002', 'pack.scan', { sessionId: 81, verdict: 'wrong_item', units: 0, sku: null });
    later(15);
    step('PD-100001', 'PD-P-0002', 'pack.completed', { sessionId: 81, parcels: [{ no: 1 }] }, 'ST-02');
    at('2026-11-20T10:00:00Z');
    step('PD-100002', 'PD-P-0002', 'pack.resumed', { sessionId: 80 });
    later(40);
    step('PD-100002', 'PD-P-0002', 'pack.completed', { sessionId: 80, parcels: [{ no: 1 }] });
    later(60);
    step('PD-100001', 'PD-P-0001', 'pack.opened', { sessionId: 82 });
    later(25);
    step('PD-100001', 'PD-P-0001', 'pack.completed', { sessionId: 82, parcels: [{ no: 1 }, { no: 2 }] });
    await asManager();
    const week = { from: '2026-11-16T00:00:00Z', to: '2026-11-23T00:00:00Z' };
    const first = await ok(call('stats.packers', week));
    expect(first.total).toMatchObject({ orders: 3 });
    const db = new Database(path.join(f.dir, 'packdesk.sqlite'));
    try {
      const kept = () =>
        db
          .prepare('SELECT s.completion_seq, s.facts, p.packer_id FROM stats_sessions s JOIN stats_session_packers p USING (completion_seq) ORDER BY 1, 3')
          .all();
      const onePass = kept();
      expect(onePass).toHaveLength(4);
      // Forget the counts but not where counting began: each completion is then read by its order.
      db.exec('DELETE FROM stats_sessions; UPDATE stats_cache SET seq = 0');
      expect(await ok(call('stats.packers', week))).toEqual(first);
      expect(kept()).toEqual(onePass);
      // Counted ahead a page at a time (every session crosses a page's end), in one source, or a new one each step as after a restart.
      const ahead = createStatisticsSource(db, { pageEntries: 1, sinceMax: 0 });
      for (const source of [() => ahead, () => createStatisticsSource(db, { pageEntries: 2, sinceMax: 0 })]) {
        db.exec('DELETE FROM stats_sessions; DELETE FROM stats_cache');
        while (source().countAhead(3));
        expect(kept()).toEqual(onePass);
      }
    } finally {
      db.close();
    }
  });

  it('counts sessions completed after an earlier query, and reads the journal for another idle gap', async () => {
    at('2026-11-20T09:00:00Z');
    step('PD-100001', 'PD-P-0001', 'pack.opened', { sessionId: 70 });
    later(10);
    step('PD-100001', 'PD-P-0001', 'pack.scan', { sessionId: 70, verdict: 'accepted', units: 2, sku: 'MUG-01' });
    later(400);
    step('PD-100001', 'PD-P-0001', 'pack.completed', { sessionId: 70, parcels: [{ no: 1 }] });
    await asManager();
    expect((await ok(call('stats.packers', DAY))).total).toMatchObject({ orders: 1, activeSeconds: 10 });
    later(60);
    step('PD-100002', 'PD-P-0001', 'pack.opened', { sessionId: 71 });
    later(20);
    step('PD-100002', 'PD-P-0001', 'pack.completed', { sessionId: 71, parcels: [{ no: 1 }] });
    expect((await ok(call('stats.packers', DAY))).total).toMatchObject({ orders: 2, activeSeconds: 30 });
    // A clock set back (or history written afterwards) is still counted: sessions are found by seq, not time.
    at('2026-11-20T03:00:00Z');
    step('PD-100006', 'PD-P-0002', 'pack.opened', { sessionId: 72 });
    later(5);
    step('PD-100006', 'PD-P-0002', 'pack.completed', { sessionId: 72, parcels: [{ no: 1 }] });
    expect((await ok(call('stats.packers', DAY))).total).toMatchObject({ orders: 3, activeSeconds: 35 });
    // With a ten-minute idle gap the 400-second pause counts.
    const longer = await ok(call('stats.packers', { ...DAY, idleGapSeconds: 600 }));
    expect(longer.total).toMatchObject({ orders: 3, activeSeconds: 435, idleGaps: 0 });
    expect(longer.idleGapSeconds).toBe(600);
  });

  it('counts the fragile units of an older completion that kept no lines as the catalogue marks them', async () => {
    markFragile('MUG-01');
    at('2026-11-20T09:00:00Z');
    step('PD-100001', 'PD-P-0001', 'pack.opened', { sessionId: 80 });
    later(10);
    step('PD-100001', 'PD-P-0001', 'pack.scan', { sessionId: 80, verdict: 'accepted', units: 2, sku: 'MUG-01' });
    later(10);
    step('PD-100001', 'PD-P-0001', 'pack.completed', { sessionId: 80, parcels: [{ no: 1 }] });
    await asManager();
    const anna = await ok(call('stats.packer', { ...DAY, packerId: id('PD-P-0001') }));
    expect(anna.orders.map((o) => [o.orderNumber, o.factors.units, o.factors.fragile])).toEqual([['PD-100001', 2, 2]]);
  });

  it('tells an order packed twice apart: only the session completed in the period counts', async () => {
    at('2026-11-19T09:00:00Z');
    step('PD-100001', 'PD-P-0001', 'pack.opened', { sessionId: 60 });
    later(10);
    step('PD-100001', 'PD-P-0001', 'pack.scan', { sessionId: 60, verdict: 'accepted', units: 2, sku: 'MUG-01' });
    later(10);
    step('PD-100001', 'PD-P-0001', 'pack.completed', { sessionId: 60, parcels: [{ no: 1 }] });
    at('2026-11-20T09:00:00Z');
    step('PD-100001', 'PD-P-0002', 'pack.opened', { sessionId: 61 });
    later(15);
    step('PD-100001', 'PD-P-0002', 'pack.scan', { sessionId: 61, verdict: 'wrong_item', units: 0 });
    later(15);
    step('PD-100001', 'PD-P-0002', 'pack.scan', { sessionId: 61, verdict: 'accepted', units: 2, sku: 'MUG-01' });
    later(15);
    step('PD-100001', 'PD-P-0002', 'pack.completed', { sessionId: 61, parcels: [{ no: 1 }] });
    await asManager();
    const all = await ok(call('stats.packers', DAY));
    expect(all.packers.map((p) => [p.packer.name, p.figures.orders, p.figures.activeSeconds, p.figures.errorsTotal])).toEqual([['Piotr Nowak', 1, 45, 1]]);
    const before = await ok(call('stats.packers', { from: '2026-11-19T00:00:00Z', to: '2026-11-20T00:00:00Z' }));
    expect(before.packers.map((p) => [p.packer.name, p.figures.orders, p.figures.activeSeconds])).toEqual([['Anna Kowalska', 1, 20]]);
  });

  it('fits a station’s seconds per factor over its own sessions only, and scores by them', async () => {
    at('2026-11-20T06:00:00Z');
    // ST-02: 40 orders of 1 to 4 mugs, 60 s an order and 8 s a unit; ST-01 packs at another pace.
    for (let n = 0; n < 40; n++) {
      const units = 1 + (n % 4);
      const station = n % 2 === 0 ? 'ST-02' : 'ST-01';
      step('PD-100001', 'PD-P-0001', 'pack.opened', { sessionId: 100 + n }, station);
      later(30);
      for (let u = 0; u < units; u++) {
        later(station === 'ST-02' ? 8 : 20);
        step('PD-100001', 'PD-P-0001', 'pack.scan', { sessionId: 100 + n, verdict: 'accepted', units: 1, sku: 'MUG-01' }, station);
      }
      later(30);
      step('PD-100001', 'PD-P-0001', 'pack.completed', { sessionId: 100 + n, parcels: [{ no: 1 }] }, station);
      f.clock.advance(HOUR / 10);
    }
    await asManager();
    const fit = await ok(call('stats.fit', { stationId: 'ST-02', days: 30 }));
    expect(fit).toMatchObject({ method: 'least_squares', sessions: 20, fitted: ['order', 'units'] });
    expect(fit.seconds.order + fit.seconds.parcels + fit.seconds.lines).toBeCloseTo(60, 1);
    expect(fit.seconds.units).toBeCloseTo(8, 1);
    expect(fit.r2).toBeCloseTo(1, 3);
    const mine = await ok(call('stats.packer', { ...DAY, packerId: id('PD-P-0001') }));
    const atTwo = mine.orders.filter((o) => o.stationId === 'ST-02');
    expect(atTwo).toHaveLength(20);
    for (const o of atTwo) expect(o.orderScore).toBeCloseTo(1, 2);
    expect(mine.fits.find((x) => x.stationId === 'ST-02')).toMatchObject({ method: 'least_squares' });
  });
});
