import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract/methods';
import { hashPin } from '../../../src/app/pin';
import { CODES, createStationFixture, type StationFixture } from '../../support/station-fixture';

let f: StationFixture;
beforeEach(() => {
  f = createStationFixture();
});
afterEach(() => f.close());

const MANAGER = { key: 'browser-manager' };
const ANNA = { key: 'browser-anna' };

/** A call from one browser at one station, as the browser host makes it. */
async function as<M extends MethodName>(client: { key: string }, stationId: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = (await f.station.dispatch(method, input, { client, stationId })) as Result<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
const scan = (client: { key: string }, stationId: string, data: string) => as(client, stationId, 'scan.submit', { data, symbology: null, source: 'wedge' });

async function managerAtOne() {
  await as(MANAGER, 'ST-01', 'auth.badge', { badge: 'PD-M-0001', pin: '1111' });
}

describe('shift.view', () => {
  it('shows every station with who is there, the order open, its progress and the last scan', async () => {
    await managerAtOne();
    await scan(ANNA, 'ST-02', 'PD-P-0001');
    await scan(ANNA, 'ST-02', 'PD-100001');
    f.clock.advance(5000);
    await scan(ANNA, 'ST-02', CODES.mug);
    const view = await as(MANAGER, 'ST-01', 'shift.view', {});
    const two = view.stations.find((s) => s.id === 'ST-02')!;
    expect(two.logins.map((l) => l.name)).toEqual(['Anna Kowalska']);
    expect(two.order).toMatchObject({
      number: 'PD-100001',
      packer: 'Anna Kowalska',
      packerLoggedIn: true,
      units: { packed: 1, ordered: 2 },
      lines: { complete: 0, total: 1 },
    });
    expect(two.lastScanAt).toBe(f.clock.now().toISOString());
    expect(two.camera).toMatchObject({ mode: expect.any(String), recording: false, problem: null });
    expect(two.printers.missing.length).toBeGreaterThan(0);
    const one = view.stations.find((s) => s.id === 'ST-01')!;
    expect(one).toMatchObject({ order: null, logins: [{ name: 'Maria Manager', role: 'manager' }] });
    expect(view.returnsDue).toEqual([]);
  });

  it('tells managers logged in at any station, and no one else, that the shift changed', async () => {
    await managerAtOne();
    await scan(ANNA, 'ST-02', 'PD-P-0001');
    const from = f.events.length;
    await scan(ANNA, 'ST-02', 'PD-100001');
    const changed = f.events.slice(from).filter((e) => e.name === 'shift.changed');
    expect(changed.map((e) => e.payload)).toContainEqual({ stationId: null, from: 'ST-02', type: 'pack.opened' });
    expect(f.station.logins.hears(MANAGER, 'ST-01', changed[0]!)).toBe(true);
    expect(f.station.logins.hears(ANNA, 'ST-02', changed[0]!)).toBe(false);
    expect(f.station.logins.hears({ key: 'nobody' }, 'ST-01', changed[0]!)).toBe(false);
  });

  it('is for managers only', async () => {
    await scan(ANNA, 'ST-02', 'PD-P-0001');
    const refused = await f.station.dispatch('shift.view', {}, { client: ANNA, stationId: 'ST-02' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('shift.release', () => {
  /** Anna packs one mug of PD-100001 at ST-02; her login ends without putting it back (the station stopped). */
  async function stuck() {
    await managerAtOne();
    const login = await scan(ANNA, 'ST-02', 'PD-P-0001');
    await scan(ANNA, 'ST-02', 'PD-100001');
    await scan(ANNA, 'ST-02', CODES.mug);
    if (login.kind !== 'login') throw new Error('not logged in');
    f.store.logins.end(login.login.id, f.clock.now().toISOString(), 'idle');
  }

  it('lists an order held at a station by nobody logged in there, and a manager releases it, journaled', async () => {
    await stuck();
    const before = await as(MANAGER, 'ST-01', 'shift.view', {});
    expect(before.stuckOrders).toEqual([
      { orderNumber: 'PD-100001', customerName: 'Zażółć Gęślą', stationId: 'ST-02', lockedAt: expect.any(String), packer: 'Anna Kowalska', unitsPacked: 1 },
    ]);
    const after = await as(MANAGER, 'ST-01', 'shift.release', { orderNumber: 'pd-100001' });
    expect(after.stuckOrders).toEqual([]);
    expect(after.stations.find((s) => s.id === 'ST-02')!.order).toBeNull();
    const entry = f.journal.bySubject({ kind: 'order', id: 'PD-100001' }).at(-1)!;
    expect(entry).toMatchObject({
      type: 'order.released',
      stationId: 'ST-01',
      actorId: f.store.users.byBadge('PD-M-0001')!.id,
      payload: { station: 'ST-02', packer: 'Anna Kowalska', units: 1 },
    });
    // Back in the queue, its packing kept for whoever opens it next.
    await scan({ key: 'browser-piotr' }, 'ST-01', 'PD-P-0002');
    const opened = await scan({ key: 'browser-piotr' }, 'ST-01', 'PD-100001');
    expect(opened).toMatchObject({ kind: 'opened', view: { lines: [{ sku: 'MUG-01', packed: 1 }] } });
  });

  it('refuses an order its packer is still logged in with, and one not held anywhere', async () => {
    await managerAtOne();
    await scan(ANNA, 'ST-02', 'PD-P-0001');
    await scan(ANNA, 'ST-02', 'PD-100001');
    expect(await f.station.dispatch('shift.release', { orderNumber: 'PD-100001' }, { client: MANAGER, stationId: 'ST-01' })).toMatchObject({
      ok: false,
      error: { code: 'ORDER_BEING_PACKED', params: { user: 'Anna Kowalska', station: 'ST-02' } },
    });
    expect(await f.station.dispatch('shift.release', { orderNumber: 'PD-100002' }, { client: MANAGER, stationId: 'ST-01' })).toMatchObject({
      ok: false,
      error: { code: 'ORDER_NOT_LOCKED' },
    });
  });
});

describe('returns near their deadline', () => {
  it('lists open returns whose deadline ends within three days', async () => {
    f.store.stations.upsert({ id: 'ST-03', name: 'Zwroty', language: 'pl', idleLogoutMinutes: 15, kind: 'returns' });
    f.store.users.insert({ name: 'Rita Returns', role: 'returns', badgeCode: 'PD-R-0001', pinHash: hashPin('1111'), language: null });
    await managerAtOne();
    await scan(ANNA, 'ST-02', 'PD-P-0001');
    await scan(ANNA, 'ST-02', 'PD-100001');
    for (const code of [CODES.mug, CODES.mug, 'BOX-K1']) await scan(ANNA, 'ST-02', code);
    await as(ANNA, 'ST-02', 'pack.weigh', { parcel: 1, grams: 820 });
    await as(ANNA, 'ST-02', 'pack.complete', {});
    const RITA = { key: 'browser-rita' };
    await scan(RITA, 'ST-03', 'PD-R-0001');
    const opened = await as(RITA, 'ST-03', 'returns.open', { orderNumber: 'PD-100001', type: 'withdrawal' });
    expect((await as(MANAGER, 'ST-01', 'shift.view', {})).returnsDue).toEqual([]);
    f.clock.advance(12 * 24 * 60 * 60_000);
    await managerAtOne();
    const due = (await as(MANAGER, 'ST-01', 'shift.view', {})).returnsDue;
    expect(due).toEqual([
      { returnId: opened.number, orderNumber: 'PD-100001', deadline: expect.any(String), customerName: 'Zażółć Gęślą', stationId: 'ST-03' },
    ]);
    expect(Date.parse(due[0]!.deadline) - f.clock.now().getTime()).toBeLessThanOrEqual(3 * 24 * 60 * 60_000);
  });
});

describe('shifts a manager sets', () => {
  const fail = async <M extends MethodName>(client: { key: string }, method: M, input: MethodInput<M>) => {
    const result = await f.station.dispatch(method, input, { client, stationId: 'ST-01' });
    return result.ok ? null : result.error;
  };

  it('count from the default three shifts until set, in the station’s time zone', async () => {
    await managerAtOne();
    // 08:00 UTC is 09:00 in Warsaw: the 06:00–14:00 shift.
    const view = await as(MANAGER, 'ST-01', 'shift.view', {});
    expect(view.stations[0]!.shift).toEqual({ from: '2026-11-20T05:00:00.000Z', to: '2026-11-20T13:00:00.000Z', start: '06:00', end: '14:00' });
  });

  it('follow the warehouse’s starts, or a station’s own in its own zone, for the shift view and the statistics; each change journaled', async () => {
    await managerAtOne();
    f.store.stations.upsert({ id: 'ST-02', name: 'Stanowisko 2', language: 'pl', idleLogoutMinutes: 15, timeZone: 'America/New_York' });
    await as(MANAGER, 'ST-01', 'shift.patterns.save', { stationId: null, starts: ['19:00', '07:00'] });
    let patterns = await as(MANAGER, 'ST-01', 'shift.patterns.save', { stationId: 'ST-02', starts: ['04:00'] });
    expect(patterns.warehouse).toEqual({ starts: ['07:00', '19:00'], set: true });
    expect(patterns.stations.map((s) => [s.stationId, s.own, s.current.start])).toEqual([
      ['ST-01', null, '07:00'],
      ['ST-02', ['04:00'], '04:00'],
    ]);
    const view = await as(MANAGER, 'ST-01', 'shift.view', {});
    expect(view.stations.map((s) => [s.id, s.shift.from, s.shift.to])).toEqual([
      ['ST-01', '2026-11-20T06:00:00.000Z', '2026-11-20T18:00:00.000Z'],
      // 04:00 in New York is 09:00 UTC: at 08:00 UTC the shift began the day before.
      ['ST-02', '2026-11-19T09:00:00.000Z', '2026-11-20T09:00:00.000Z'],
    ]);
    // What the statistics call a shift: any role asks, for any moment.
    await scan(ANNA, 'ST-02', 'PD-P-0001');
    expect(await as(ANNA, 'ST-02', 'shift.at', { at: '2026-11-20T20:00:00.000Z' })).toMatchObject({ from: '2026-11-20T09:00:00.000Z', start: '04:00' });
    expect(await as(ANNA, 'ST-02', 'shift.at', { at: '2026-11-20T20:00:00.000Z', stationId: 'ST-01' })).toMatchObject({
      from: '2026-11-20T18:00:00.000Z',
      to: '2026-11-21T06:00:00.000Z',
      start: '19:00',
    });
    const shiftEntries = f.journal.range(1, 1000).filter((e) => e.type === 'settings.shifts');
    expect(shiftEntries.map((e) => [e.actorId, e.payload])).toEqual([
      [3, { station: null, starts: ['07:00', '19:00'] }],
      [3, { station: 'ST-02', starts: ['04:00'] }],
    ]);
    patterns = await as(MANAGER, 'ST-01', 'shift.patterns.save', { stationId: 'ST-02', starts: null });
    // Back on the warehouse's starts, in its own zone: 03:00 in New York is the 19:00 shift.
    expect(patterns.stations[1]).toMatchObject({ own: null, current: { start: '19:00', end: '07:00' } });
  });

  it('refuses start times that make no sense, a packer, and the warehouse left without shifts', async () => {
    await managerAtOne();
    expect(await fail(MANAGER, 'shift.patterns.save', { stationId: null, starts: ['06:00', '06:30'] })).toMatchObject({
      code: 'SHIFTS_INVALID',
      params: { problem: 'tooShort', time: '06:00' },
    });
    expect(await fail(MANAGER, 'shift.patterns.save', { stationId: null, starts: ['25:00'] })).toMatchObject({ code: 'SHIFTS_INVALID' });
    expect(await fail(MANAGER, 'shift.patterns.save', { stationId: null, starts: null })).toMatchObject({ code: 'SHIFTS_INVALID' });
    expect(await fail(MANAGER, 'shift.patterns.save', { stationId: 'ST-99', starts: ['06:00'] })).toMatchObject({ code: 'STATION_NOT_FOUND' });
    await scan(ANNA, 'ST-01', 'PD-P-0001');
    expect(await fail(ANNA, 'shift.patterns.save', { stationId: null, starts: ['06:00'] })).toMatchObject({ code: 'FORBIDDEN' });
    expect(f.journal.range(1, 1000).filter((e) => e.type === 'settings.shifts')).toEqual([]);
  });
});
