import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPin, hashPin } from '../../src/app/pin';
import { BrowserLike } from '../support/host-client';
import { guardedStation, type GuardedStation } from './support';

let s: GuardedStation;
beforeEach(async () => {
  s = await guardedStation();
});
afterEach(async () => s.close());

describe('finding 4: a login belongs to the browser that made it', () => {
  it('a fresh browser at the same station starts logged out, and cannot act as the one logged in', async () => {
    const anna = new BrowserLike(s.url);
    expect((await anna.result('auth.badge', { badge: 'PD-P-0001' })).ok).toBe(true);
    expect((await anna.result('pack.open', { code: 'PD-100001' })).ok).toBe(true);

    const stranger = new BrowserLike(s.url);
    expect(await stranger.result('auth.current')).toEqual({ ok: true, value: null });
    expect((await stranger.result('pack.current')).error?.code).toBe('NOT_LOGGED_IN');
    expect((await stranger.result('pack.undo')).error?.code).toBe('NOT_LOGGED_IN');
    // Naming the station in a header changes nothing: the station is not the login.
    const named = new BrowserLike(s.url, 'ST-01');
    expect((await named.result('queue.list', {})).error?.code).toBe('NOT_LOGGED_IN');
  });

  it('a forged or replayed-before-login cookie is nobody', async () => {
    const anna = new BrowserLike(s.url);
    await anna.result('station.info');
    const planted = anna.cookie;
    expect((await anna.result('auth.badge', { badge: 'PD-P-0001' })).ok).toBe(true);
    // The cookie is renewed at login: the one planted before it is worth nothing now.
    expect(anna.cookie).not.toBe(planted);
    const fixation = new BrowserLike(s.url);
    fixation.cookie = planted;
    expect(await fixation.result('auth.current')).toMatchObject({ ok: true, value: null });
    const forged = new BrowserLike(s.url);
    forged.cookie = `packdesk_client=${'A'.repeat(32)}.${'B'.repeat(43)}`;
    expect(await forged.result('auth.current')).toMatchObject({ ok: true, value: null });
    expect(forged.cookie).not.toContain('A'.repeat(32));
  });

  it('logging out in one browser leaves the other logged in', async () => {
    const one = new BrowserLike(s.url);
    const two = new BrowserLike(s.url);
    await one.result('auth.badge', { badge: 'PD-P-0001' });
    await two.result('auth.badge', { badge: 'PD-P-0002' });
    await one.result('auth.logout', {});
    expect(await one.result('auth.current')).toEqual({ ok: true, value: null });
    expect(await two.result('auth.current')).toMatchObject({ ok: true, value: { user: { name: 'Piotr Nowak' } } });
  });

  it("a second person at the station cannot drive the first one's open order", async () => {
    const anna = new BrowserLike(s.url);
    const piotr = new BrowserLike(s.url);
    await anna.result('auth.badge', { badge: 'PD-P-0001' });
    await anna.result('pack.open', { code: 'PD-100001' });
    await piotr.result('auth.badge', { badge: 'PD-P-0002' });
    expect(await piotr.result('pack.current')).toEqual({ ok: true, value: null });
    expect((await piotr.result('pack.close', {})).error?.code).toBe('STATION_BUSY');
    expect((await piotr.result('pack.open', { code: 'PD-100002' })).error?.code).toBe('STATION_BUSY');
    // Anna logs out: her order goes back to the queue, progress kept, and the station is free.
    await anna.result('auth.logout', {});
    expect((await piotr.result('pack.open', { code: 'PD-100002' })).ok).toBe(true);
  });

  it('managers and admins need badge and PIN; a badge alone is not enough', async () => {
    const browser = new BrowserLike(s.url);
    const badgeOnly = await browser.result('auth.badge', { badge: 'PD-M-0001' });
    expect(badgeOnly.error).toMatchObject({ code: 'PIN_REQUIRED', params: { name: 'Maria Manager' } });
    const scanned = await browser.result('scan.submit', { data: 'PD-M-0001', symbology: null, source: 'wedge' });
    expect(scanned.error?.code).toBe('PIN_REQUIRED');
    expect(await browser.result('auth.current')).toEqual({ ok: true, value: null });
    expect((await browser.result('auth.pin', { userId: 3, pin: '1111' })).error?.code).toBe('BADGE_REQUIRED');
    expect((await browser.result('auth.badge', { badge: 'PD-M-0001', pin: '1111' })).ok).toBe(true);
  });

  it('a manager can list logins and end someone else’s', async () => {
    const anna = new BrowserLike(s.url);
    const maria = new BrowserLike(s.url);
    await anna.result('auth.badge', { badge: 'PD-P-0001' });
    await maria.result('auth.badge', { badge: 'PD-M-0001', pin: '1111' });
    const logins = (await maria.result('auth.logins')).value as { id: number; user: { name: string }; own: boolean }[];
    expect(logins.map((l) => [l.user.name, l.own])).toEqual([
      ['Anna Kowalska', false],
      ['Maria Manager', true],
    ]);
    expect((await anna.result('auth.logins')).error?.code).toBe('FORBIDDEN');
    expect((await maria.result('auth.logins.end', { loginId: logins[0]!.id })).ok).toBe(true);
    expect(await anna.result('auth.current')).toEqual({ ok: true, value: null });
    expect(s.f.journal.range(1, 1000).some((e) => e.type === 'auth.logout' && e.payload.reason === 'ended_by_manager')).toBe(true);
  });
});

describe('finding 5: PIN guessing', () => {
  const approval = (pin: string) => ({ kind: 'force_complete', reason: 'parcel heavier than contents', manager: { userId: 3, pin } });

  it('overrides share the login limiter: 12 wrong manager PINs, then the right one is still refused', async () => {
    const anna = new BrowserLike(s.url);
    await anna.result('auth.badge', { badge: 'PD-P-0001' });
    await anna.result('pack.open', { code: 'PD-100001' });
    const codes: string[] = [];
    for (let i = 0; i < 12; i++) codes.push((await anna.result('pack.override', approval(String(2000 + i)))).error!.code);
    expect(codes.slice(0, 3)).toEqual(['MANAGER_REQUIRED', 'MANAGER_REQUIRED', 'MANAGER_REQUIRED']);
    expect(codes.slice(3).every((code) => code === 'PIN_WRONG')).toBe(true);
    const right = await anna.result('pack.override', approval('1111'));
    expect(right.error).toMatchObject({ code: 'PIN_WRONG', params: { seconds: expect.any(Number) } });
  });

  it('a stranger guessing a PIN by name does not keep its owner out of badge + PIN', async () => {
    // A new browser for every guess (cookies dropped): only the user's own count can stop this.
    for (let i = 0; i < 10; i++) await new BrowserLike(s.url).result('auth.pin', { userId: 1, pin: String(5000 + i) });
    expect((await new BrowserLike(s.url).result('auth.pin', { userId: 1, pin: '1111' })).error?.code).toBe('PIN_WRONG');
    const owner = new BrowserLike(s.url);
    expect((await owner.result('auth.badge', { badge: 'PD-P-0001', pin: '1111' })).ok).toBe(true);
  });

  it('a manager unlocks a user whose PIN was guessed at', async () => {
    for (let i = 0; i < 8; i++) await new BrowserLike(s.url).result('auth.pin', { userId: 1, pin: String(5000 + i) });
    expect((await new BrowserLike(s.url).result('auth.pin', { userId: 1, pin: '1111' })).error?.code).toBe('PIN_WRONG');
    const maria = new BrowserLike(s.url);
    await maria.result('auth.badge', { badge: 'PD-M-0001', pin: '1111' });
    expect((await maria.result('auth.unlock', { userId: 1 })).ok).toBe(true);
    expect((await new BrowserLike(s.url).result('auth.pin', { userId: 1, pin: '1111' })).ok).toBe(true);
  });

  it('derives PIN hashes off the event loop: other work runs while a PIN is checked', async () => {
    const stored = hashPin('2468');
    let ranMeanwhile = false;
    setImmediate(() => (ranMeanwhile = true));
    expect(await verifyPin('2468', stored)).toBe(true);
    expect(ranMeanwhile).toBe(true);
  });
});
