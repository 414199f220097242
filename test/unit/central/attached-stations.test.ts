import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../src/app/pin';
import { startCentral, type RunningCentral } from '../../../src/central/central';
import { createHttpCentralLink } from '../../../src/central-link/http-link';
import { publicKeyText } from '../../../src/platform/request-signature';
import { usePostgres } from '../../support/postgres-server';
import { CODES, createStationFixture, order, typedCall, type StationFixture } from '../../support/station-fixture';

const server = usePostgres();
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const open: { central: RunningCentral[]; stations: StationFixture[] } = { central: [], stations: [] };
afterEach(async () => {
  for (const f of open.stations.splice(0)) f.close();
  for (const c of open.central.splice(0)) await c.close();
});

async function central(databaseUrl: string, port = 0): Promise<RunningCentral> {
  const c = await startCentral({ databaseUrl, host: '127.0.0.1', port, logger: silent });
  open.central.push(c);
  return c;
}

/** A station (its own SQLite) attached to central as `id`, registered there with a fresh key, a packer logged in. */
async function attached(c: RunningCentral, id: string, leaseBatch = 2) {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  await c.store.stations.register({ id, name: id, publicKey: publicKeyText(privateKey) }, new Date());
  const link = createHttpCentralLink({ url: c.url, stationId: id, privateKey, timeoutMs: 2000 });
  const f = createStationFixture({ central: { link, stationId: id, leaseBatch } });
  open.stations.push(f);
  const call = typedCall(f.station);
  const login = await call('scan.submit', { data: 'PD-P-0001', symbology: null, source: 'wedge' });
  expect(login.ok).toBe(true);
  return { f, call };
}

describe('stations attached to one central', () => {
  it('two stations open the same order at the same moment, 200 times: exactly one wins each time, the other names it', async () => {
    const c = await central(await server().createDatabase());
    const a = await attached(c, 'ST-A');
    const b = await attached(c, 'ST-B');
    const numbers = Array.from({ length: 200 }, (_, i) => `RACE-${String(i).padStart(3, '0')}`);
    for (const s of [a, b])
      s.f.store.orders.insertMany(numbers.map((n) => order(n, 'ready', 'Jan Nowak', [{ sku: 'MUG-01', quantity: 1 }], '2026-11-19T07:00:00Z')));
    const wins = { 'ST-A': 0, 'ST-B': 0 };
    for (const code of numbers) {
      const [ra, rb] = await Promise.all([a.call('pack.open', { code }), b.call('pack.open', { code })]);
      const winners = [ra.ok && 'ST-A', rb.ok && 'ST-B'].filter(Boolean) as ('ST-A' | 'ST-B')[];
      expect(winners, code).toHaveLength(1);
      const winner = winners[0]!;
      wins[winner]++;
      const loser = ra.ok ? rb : ra;
      expect(loser.ok ? null : loser.error).toMatchObject({ code: 'ORDER_OPEN_ELSEWHERE', params: { station: winner, order: code } });
      expect((await c.store.claims.holder(code))?.stationId).toBe(winner);
    }
    expect(wins['ST-A'] + wins['ST-B']).toBe(200);
    // 400 signed requests one round after another: a budget for a busy machine, not a timing.
  }, 180_000);

  it('offline, a station packs its leased orders and only those, says so, and is back online when central is', async () => {
    const database = await server().createDatabase();
    const c = await central(database);
    const port = Number(new URL(c.url).port);
    const a = await attached(c, 'ST-A', 1);
    await a.f.station.central!.renew();
    const status = await a.call('central.status', {});
    expect(status.ok && status.value).toMatchObject({ attached: true, online: true, leases: [{ orderNumber: 'PD-100002' }] });

    await c.close();
    open.central.splice(open.central.indexOf(c), 1);
    const refused = await a.call('pack.open', { code: 'PD-100001' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'ORDER_NOT_LEASED', params: { order: 'PD-100001', count: 1 } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/Central cannot be reached.*only the 1 order\(s\) it holds on lease/);
    expect(a.f.events.filter((e) => e.name === 'central.changed').at(-1)?.payload).toEqual({ stationId: null, online: false, leases: 1 });
    const leased = await a.call('pack.open', { code: 'PD-100002' });
    expect(leased.ok).toBe(true);
    expect(await a.call('central.status', {})).toMatchObject({ ok: true, value: { online: false } });

    const again = await central(database, port);
    await a.f.station.central!.renew();
    expect(await a.call('central.status', {})).toMatchObject({ ok: true, value: { online: true } });
    expect(a.f.events.filter((e) => e.name === 'central.changed').at(-1)?.payload).toMatchObject({ online: true });
    expect(await again.store.claims.holder('PD-100002')).toMatchObject({ stationId: 'ST-A' });
  });

  it('a station restarted while central is down still packs its leased orders, and only those', async () => {
    const c = await central(await server().createDatabase());
    const a = await attached(c, 'ST-A', 1);
    await a.f.station.central!.renew();
    await c.close();
    open.central.splice(open.central.indexOf(c), 1);
    const call = typedCall(a.f.restart());
    expect((await call('scan.submit', { data: 'PD-P-0001', symbology: null, source: 'wedge' })).ok).toBe(true);
    expect(await call('pack.open', { code: 'PD-100001' })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_LEASED' } });
    expect((await call('pack.open', { code: 'PD-100002' })).ok).toBe(true);
  });

  it("another station's lease refuses an order by the holder's name, until a manager releases it", async () => {
    const c = await central(await server().createDatabase());
    const a = await attached(c, 'ST-A', 1);
    const b = await attached(c, 'ST-B', 1);
    await a.f.station.central!.renew();
    await b.f.station.central!.renew();
    // Both asked for the same next orders; B got the next free one.
    expect((await a.call('central.status', {})).ok && (await c.store.claims.holder('PD-100002'))?.stationId).toBe('ST-A');
    expect((await c.store.claims.holder('PD-100001'))?.stationId).toBe('ST-B');

    const refused = await b.call('pack.open', { code: 'PD-100002' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'ORDER_OPEN_ELSEWHERE', params: { station: 'ST-A' } });
    const scanned = await b.call('scan.submit', { data: 'PD-100002', symbology: null, source: 'wedge' });
    expect(scanned.ok ? null : scanned.error).toMatchObject({ code: 'ORDER_OPEN_ELSEWHERE', params: { station: 'ST-A' } });
    const packer = await b.call('central.release', { orderNumber: 'PD-100002' });
    expect(packer.ok ? null : packer.error.code).toBe('FORBIDDEN');
    await b.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' });
    expect(await b.call('central.release', { orderNumber: 'PD-100002' })).toEqual({ ok: true, value: { releasedFrom: 'ST-A' } });
    expect((await b.call('pack.open', { code: 'PD-100002' })).ok).toBe(true);
  });

  it('a packed order is told to central at the next renewal, even one packed while central was away, and nobody opens it again', async () => {
    const database = await server().createDatabase();
    const c = await central(database);
    const port = Number(new URL(c.url).port);
    const a = await attached(c, 'ST-A', 2);
    const b = await attached(c, 'ST-B', 0);
    await a.f.station.central!.renew();
    await c.close();
    open.central.splice(open.central.indexOf(c), 1);
    // PD-100001 is leased to A: packed offline from scan to completion.
    const scan = (data: string) => a.call('scan.submit', { data, symbology: null, source: 'wedge' });
    expect((await scan('PD-100001')).ok).toBe(true);
    for (const code of [CODES.mug, CODES.mug, 'BOX-K1']) expect((await scan(code)).ok).toBe(true);
    a.f.scale.start();
    a.f.scale.setWeight(830);
    expect((await a.call('pack.weigh', { parcel: 1 })).ok).toBe(true);
    expect(await a.call('pack.complete', {})).toMatchObject({ ok: true, value: { orderNumber: 'PD-100001', status: 'shipped' } });

    const again = await central(database, port);
    expect((await again.store.claims.holder('PD-100001'))?.kind).toBe('lease');
    await a.f.station.central!.renew();
    expect(await again.store.claims.holder('PD-100001')).toMatchObject({ stationId: 'ST-A', kind: 'completed' });
    const refused = await b.call('pack.open', { code: 'PD-100001' });
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'ORDER_OPEN_ELSEWHERE', params: { station: 'ST-A' } });
  });

  it('claims nothing at central for an order that will not open here (a returns handler scans an order)', async () => {
    const c = await central(await server().createDatabase());
    const a = await attached(c, 'ST-A', 0);
    a.f.store.users.insert({ name: 'Rita Returns', role: 'returns', badgeCode: 'PD-R-0001', pinHash: hashPin('1111'), language: null });
    expect(await a.call('scan.submit', { data: 'PD-R-0001', symbology: null, source: 'wedge' })).toMatchObject({ ok: true, value: { kind: 'login' } });
    const refused = await a.call('scan.submit', { data: 'PD-100001', symbology: null, source: 'wedge' });
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    expect(await c.store.claims.holder('PD-100001')).toBeNull();
  });
});

describe('claims and leases in PostgreSQL', () => {
  it("a lease ends: before its expiry another station is refused, after it the order is anyone's; a packed order is nobody's", async () => {
    const c = await central(await server().createDatabase());
    for (const id of ['ST-A', 'ST-B']) {
      await c.store.stations.register({ id, name: id, publicKey: publicKeyText(crypto.generateKeyPairSync('ed25519').privateKey) }, new Date());
    }
    const t0 = new Date('2026-12-01T08:00:00Z');
    const later = (min: number) => new Date(t0.getTime() + min * 60_000);
    expect(await c.store.claims.lease('ST-A', ['O-1', 'O-2', 'O-3'], 2, t0, later(30))).toEqual([
      { orderNumber: 'O-1', expiresAt: later(30) },
      { orderNumber: 'O-2', expiresAt: later(30) },
    ]);
    expect(await c.store.claims.claim('O-1', 'ST-B', later(29))).toEqual({ won: false, heldBy: 'ST-A', kind: 'lease' });
    expect(await c.store.claims.claim('O-1', 'ST-B', later(30))).toEqual({ won: true });
    // A's renewal keeps O-2, lets the lost O-1 go and takes O-3 in its place.
    expect((await c.store.claims.lease('ST-A', ['O-1', 'O-2', 'O-3'], 2, later(31), later(61))).map((l) => l.orderNumber)).toEqual(['O-2', 'O-3']);
    expect(await c.store.claims.complete('O-1', 'ST-B', later(40))).toBe(true);
    expect(await c.store.claims.claim('O-1', 'ST-A', later(41))).toEqual({ won: false, heldBy: 'ST-B', kind: 'completed' });
    expect(await c.store.claims.release('O-1')).toBeNull();
    expect(await c.store.claims.release('O-2')).toBe('ST-A');
  });
});
