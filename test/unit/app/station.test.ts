import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/contract/errors';
import { createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';

let f: StationFixture;
let call: ReturnType<typeof typedCall>;
beforeEach(() => {
  f = createStationFixture();
  call = typedCall(f.station);
});
afterEach(() => f.close());

function errorCode(result: Result<unknown>): string | null {
  return result.ok ? null : result.error.code;
}

/** Logs in by badge; managers add their PIN (the fixture's PINs are all 1111). */
async function login(badge = 'PD-P-0001', stationId = 'ST-01') {
  const pin = badge.startsWith('PD-M') ? { pin: '1111' } : {};
  const result = await call('auth.badge', { badge, ...pin }, { stationId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('the dispatcher', () => {
  it('refuses unknown methods and invalid input as data, never by throwing', async () => {
    expect(errorCode(await f.station.dispatch('orders.delete', {}))).toBe('UNKNOWN_METHOD');
    expect(errorCode(await f.station.dispatch('auth.badge', { badge: 42 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await f.station.dispatch('auth.badge', { badge: 'x', extra: 1 }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await f.station.dispatch('auth.badge', null))).toBe('VALIDATION_FAILED');
    expect(errorCode(await call('station.info', {}, { stationId: 'ST-99' }))).toBe('VALIDATION_FAILED');
  });

  it('asks for a login before anything but the public methods', async () => {
    expect(errorCode(await call('queue.list', {}))).toBe('NOT_LOGGED_IN');
    const info = await call('station.info', {});
    expect(info).toEqual({
      ok: true,
      value: {
        station: { id: 'ST-01', name: 'Station 1', language: 'en', idleLogoutMinutes: 15, badgeOnlyLogin: true, kind: 'packing', timeZone: 'Europe/Warsaw' },
        version: '1.2.3',
      },
    });
  });

  it('lets only managers change station settings', async () => {
    await login('PD-P-0001');
    expect(errorCode(await call('settings.update', { idleLogoutMinutes: 5 }))).toBe('FORBIDDEN');
    await login('PD-M-0001');
    const updated = await call('settings.update', { idleLogoutMinutes: 5, language: 'pl' });
    expect(updated.ok && updated.value).toMatchObject({ idleLogoutMinutes: 5, language: 'pl' });
  });

  it('turns a failure deep in storage into INTERNAL and logs the cause', async () => {
    await login();
    (f.store.orders as { queue: unknown }).queue = () => {
      throw new TypeError('The database connection is not open');
    };
    const result = await call('queue.list', {});
    expect(errorCode(result)).toBe('INTERNAL');
    expect(f.logs.some((l) => l.level === 'error' && String(l.fields?.error).includes('not open'))).toBe(true);
  });
});

describe('logging in', () => {
  it('accepts a badge as a wedge scanner types it, in any case and with stray spaces', async () => {
    const loggedIn = await login(' pd-p-0001 ');
    expect(loggedIn.user).toEqual({ id: 1, name: 'Anna Kowalska', role: 'packer', language: null });
    expect(loggedIn.station.id).toBe('ST-01');
    expect(f.events.at(-1)).toMatchObject({ name: 'auth.changed', payload: { stationId: 'ST-01', reason: 'login' } });
    const current = await call('auth.current', {});
    expect(current.ok && current.value?.user.name).toBe('Anna Kowalska');
  });

  it('refuses an unknown badge with BADGE_UNKNOWN and keeps nobody logged in', async () => {
    expect(errorCode(await call('auth.badge', { badge: 'PD-X-9999' }))).toBe('BADGE_UNKNOWN');
    expect(await call('auth.current', {})).toEqual({ ok: true, value: null });
  });

  it('logs in with the PIN and makes a guesser wait longer after each wrong PIN', async () => {
    expect(errorCode(await call('auth.pin', { userId: 1, pin: '1112' }))).toBe('PIN_WRONG');
    const ok = await call('auth.pin', { userId: 1, pin: '1111' });
    expect(ok.ok).toBe(true);
    for (let i = 0; i < 3; i++) expect(errorCode(await call('auth.pin', { userId: 2, pin: '0000' }))).toBe('PIN_WRONG');
    // Three free tries from this client, then 2 s, 4 s, 8 s… even for the right PIN.
    const paused = await call('auth.pin', { userId: 2, pin: '1111' });
    expect(paused.ok ? null : paused.error.params).toEqual({ seconds: 2 });
    f.clock.advance(2_000);
    expect(errorCode(await call('auth.pin', { userId: 2, pin: '0000' }))).toBe('PIN_WRONG');
    const longer = await call('auth.pin', { userId: 2, pin: '1111' });
    expect(longer.ok ? null : longer.error.params).toEqual({ seconds: 4 });
    f.clock.advance(4_000);
    expect((await call('auth.pin', { userId: 2, pin: '1111' })).ok).toBe(true);
    expect(JSON.stringify(f.logs)).not.toContain('1111');
  });

  it('keeps one login per station', async () => {
    await login('PD-P-0001', 'ST-01');
    await login('PD-P-0002', 'ST-02');
    const one = await call('auth.current', {}, { stationId: 'ST-01' });
    const two = await call('auth.current', {}, { stationId: 'ST-02' });
    expect(one.ok && one.value?.user.name).toBe('Anna Kowalska');
    expect(two.ok && two.value?.user.name).toBe('Piotr Nowak');
  });

  it('logs out on request and after the idle time, announcing why', async () => {
    await login();
    f.clock.advance(14 * 60_000);
    await call('auth.activity', {});
    f.clock.advance(14 * 60_000);
    f.station.expireIdleLogins();
    expect((await call('auth.current', {})).ok).toBe(true);
    expect(f.events.at(-1)?.name).toBe('auth.changed');
    f.clock.advance(16 * 60_000);
    f.station.expireIdleLogins();
    expect(f.events.at(-1)).toMatchObject({ name: 'auth.changed', payload: { login: null, reason: 'idle' } });
    expect(errorCode(await call('queue.list', {}))).toBe('NOT_LOGGED_IN');
    await login();
    await call('auth.logout', {});
    expect(f.events.at(-1)).toMatchObject({ payload: { login: null, reason: 'logout' } });
  });

  it('does not count polling as activity', async () => {
    await login();
    for (let i = 0; i < 4; i++) {
      f.clock.advance(5 * 60_000);
      await call('queue.list', {});
    }
    expect(errorCode(await call('queue.list', {}))).toBe('NOT_LOGGED_IN');
  });
});

describe('the order queue and opening orders', () => {
  it('lists ready orders oldest first and searches by number, customer and SKU', async () => {
    await login();
    const all = await call('queue.list', {});
    expect(all.ok && all.value.orders.map((o) => o.number)).toEqual(['PD-100002', 'PD-100001', 'PD-100006']);
    const bySku = await call('queue.list', { search: 'tea-02' });
    expect(bySku.ok && bySku.value.orders.map((o) => o.number)).toEqual(['PD-100002', 'PD-100006']);
    const byCustomer = await call('queue.list', { search: 'Gęślą' });
    expect(byCustomer.ok && byCustomer.value.orders.map((o) => o.number)).toEqual(['PD-100001']);
  });

  it('opens an order by its number or pick-list code and refuses the ones that cannot be packed', async () => {
    await login();
    const opened = await call('pack.open', { code: 'PD-100001' });
    expect(opened.ok && opened.value.lines).toEqual([expect.objectContaining({ sku: 'MUG-01', name: 'Kubek ceramiczny', ordered: 2, packed: 0 })]);
    const byPickList = await call('pack.open', { code: 'PL-PD-100002' });
    expect(byPickList.ok && byPickList.value.order.number).toBe('PD-100002');
    expect(errorCode(await call('pack.open', { code: 'PD-100003' }))).toBe('ORDER_CANCELLED');
    expect(errorCode(await call('pack.open', { code: 'PD-100004' }))).toBe('ORDER_SHIPPED');
    expect(errorCode(await call('pack.open', { code: 'PD-100005' }))).toBe('ORDER_ON_HOLD');
    const unknown = await call('pack.open', { code: 'NOPE-1' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND', params: { code: 'NOPE-1' } } });
  });

  it('refuses an order open at another station and hides it from that queue', async () => {
    await login('PD-P-0001', 'ST-01');
    await login('PD-P-0002', 'ST-02');
    await call('pack.open', { code: 'PD-100001' }, { stationId: 'ST-01' });
    const refused = await call('pack.open', { code: 'PD-100001' }, { stationId: 'ST-02' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ORDER_OPEN_ELSEWHERE', params: { station: 'ST-01' } } });
    const queue = await call('queue.list', {}, { stationId: 'ST-02' });
    expect(queue.ok && queue.value.orders.map((o) => o.number)).toEqual(['PD-100002', 'PD-100006']);
    const own = await call('queue.list', {}, { stationId: 'ST-01' });
    expect(own.ok && own.value.orders[0]).toMatchObject({ number: 'PD-100001', openAtStation: 'ST-01' });
  });

  it('hands the previous order back when the station opens another, and on close', async () => {
    await login();
    const first = await call('pack.open', { code: 'PD-100001' });
    await call('pack.open', { code: 'PD-100002' });
    expect(f.store.orders.openAt(first.ok ? first.value.order.id : 0)).toBeNull();
    const second = f.store.orders.byNumber('PD-100002');
    await call('pack.close', {});
    expect(f.store.orders.openAt(second?.id ?? 0)).toBeNull();
    expect(f.events.filter((e) => e.name === 'queue.changed').length).toBeGreaterThanOrEqual(3);
  });
});
