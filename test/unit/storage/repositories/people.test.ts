import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { badgeDigest, loadOrCreateBadgeKey } from '../../../../src/storage/badge-key';
import { createStore } from '../../../../src/storage/store';
import { FIXED_NOW, openTestStore, PIN_HASH } from '../fixtures';

describe('station repository', () => {
  it('inserts, updates and lists stations', () => {
    const { store } = openTestStore();
    expect(store.stations.get('ST-01')).toBeNull();
    store.stations.upsert({ id: 'ST-02', name: 'Returns desk', language: 'pl', idleLogoutMinutes: 30 });
    store.stations.upsert({ id: 'ST-01', name: 'Station 1', language: 'en', idleLogoutMinutes: 15 });
    store.stations.upsert({ id: 'ST-01', name: 'Packing 1', language: 'pl', idleLogoutMinutes: 5 });
    expect(store.stations.get('ST-01')).toEqual({
      id: 'ST-01',
      name: 'Packing 1',
      language: 'pl',
      idleLogoutMinutes: 5,
      badgeOnlyLogin: true,
      kind: 'packing',
      timeZone: 'Europe/Warsaw',
    });
    store.stations.upsert({ id: 'ST-01', name: 'Packing 1', language: 'pl', idleLogoutMinutes: 5, badgeOnlyLogin: false });
    store.stations.upsert({ id: 'ST-01', name: 'Packing 1', language: 'en', idleLogoutMinutes: 5 });
    expect(store.stations.get('ST-01')).toMatchObject({ language: 'en', badgeOnlyLogin: false });
    // A returns desk keeps its kind and time zone when written without them.
    store.stations.upsert({ id: 'ST-02', name: 'Zwroty', language: 'pl', idleLogoutMinutes: 30, kind: 'returns', timeZone: 'Europe/London' });
    store.stations.upsert({ id: 'ST-02', name: 'Zwroty', language: 'pl', idleLogoutMinutes: 30 });
    expect(store.stations.get('ST-02')).toMatchObject({ kind: 'returns', timeZone: 'Europe/London' });
    expect(store.stations.list().map((s) => s.id)).toEqual(['ST-01', 'ST-02']);
  });
});

describe('user repository', () => {
  it('stores a user and finds them by id and by a badge scanned with noise', () => {
    const { store } = openTestStore();
    const id = store.users.insert({ name: 'Ola Kowalska', role: 'packer', badgeCode: ' b-1001 ', pinHash: PIN_HASH, language: 'pl' });
    const expected = { id, name: 'Ola Kowalska', role: 'packer', language: 'pl', active: true };
    expect(store.users.byId(id)).toEqual(expected);
    expect(store.users.byBadge('b-1001')).toEqual(expected);
    expect(store.users.byBadge('B-9999')).toBeNull();
    expect(store.users.byId(id + 1)).toBeNull();
    expect(store.users.pinHash(id)).toBe(PIN_HASH);
    expect(store.users.pinHash(id + 1)).toBeNull();
  });

  it('lists active users by name and changes a language', () => {
    const { store, db } = openTestStore();
    const zofia = store.users.insert({ name: 'Zofia', role: 'manager', badgeCode: 'B-2', pinHash: PIN_HASH, language: null });
    const adam = store.users.insert({ name: 'Adam', role: 'returns', badgeCode: 'B-3', pinHash: PIN_HASH, language: 'en' });
    const gone = store.users.insert({ name: 'Bartek', role: 'admin', badgeCode: 'B-4', pinHash: PIN_HASH, language: null });
    db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(gone);
    expect(store.users.listActive().map((u) => u.id)).toEqual([adam, zofia]);
    expect(store.users.byId(gone)?.active).toBe(false);
    store.users.setLanguage(zofia, 'pl');
    store.users.setLanguage(adam, null);
    expect(store.users.byId(zofia)?.language).toBe('pl');
    expect(store.users.byId(adam)?.language).toBeNull();
  });

  it('keeps only the keyed hash of a badge, which another key does not match', () => {
    const { store, db, dir } = openTestStore();
    const id = store.users.insert({ name: 'Ola', role: 'packer', badgeCode: 'b-1001', pinHash: PIN_HASH, language: null });
    const stored = db.prepare<[number], { badge_hash: string }>('SELECT badge_hash FROM users WHERE id = ?').get(id);
    expect(stored).toEqual({ badge_hash: badgeDigest(loadOrCreateBadgeKey(dir), 'B-1001') });
    const otherKey = createStore(db, { backupDir: dir, keepBackups: 1, clock: () => FIXED_NOW, badgeKey: crypto.createSecretKey(crypto.randomBytes(32)) });
    expect(otherKey.users.byBadge('B-1001')).toBeNull();
  });

  it('refuses a second user with the same badge, and a badge code written as if it were a hash', () => {
    const { store, db } = openTestStore();
    store.users.insert({ name: 'A', role: 'packer', badgeCode: 'B-1', pinHash: PIN_HASH, language: null });
    expect(() => store.users.insert({ name: 'B', role: 'packer', badgeCode: 'b-1', pinHash: PIN_HASH, language: null })).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO users (name, role, badge_hash, pin_hash) VALUES ('C', 'packer', 'B-2', ?)`).run(PIN_HASH)).toThrow(
      /never a badge code/,
    );
    expect(() => db.exec(`UPDATE users SET badge_hash = 'B-1'`)).toThrow(/never a badge code/);
  });
});

describe('login repository', () => {
  it('keeps logins per client and station: start, touch, end, rekey, and lists the live ones', () => {
    const { store } = openTestStore();
    store.stations.upsert({ id: 'ST-01', name: 'Station 1', language: 'en', idleLogoutMinutes: 15 });
    store.stations.upsert({ id: 'ST-02', name: 'Station 2', language: 'en', idleLogoutMinutes: 15 });
    const ola = store.users.insert({ name: 'Ola', role: 'packer', badgeCode: 'B-1', pinHash: PIN_HASH, language: null });
    const jan = store.users.insert({ name: 'Jan', role: 'packer', badgeCode: 'B-2', pinHash: PIN_HASH, language: null });

    expect(store.logins.live('browser:a', 'ST-01')).toBeNull();
    const first = store.logins.start({ clientKey: 'browser:a', stationId: 'ST-01', userId: ola, startedAt: '2026-03-02T08:00:00Z' });
    store.logins.touch(first.id, '2026-03-02T08:05:00Z');
    expect(store.logins.live('browser:a', 'ST-01')).toEqual({
      id: first.id,
      clientKey: 'browser:a',
      stationId: 'ST-01',
      userId: ola,
      startedAt: '2026-03-02T08:00:00Z',
      lastActivityAt: '2026-03-02T08:05:00Z',
      endedAt: null,
      endReason: null,
    });
    // Another browser at the same station has a login of its own.
    const second = store.logins.start({ clientKey: 'browser:b', stationId: 'ST-01', userId: jan, startedAt: '2026-03-02T09:00:00Z' });
    store.logins.start({ clientKey: 'browser:a', stationId: 'ST-02', userId: ola, startedAt: '2026-03-02T08:06:00Z' });
    expect(store.logins.liveAt('ST-01').map((l) => l.userId)).toEqual([jan, ola]);
    expect(() => store.logins.start({ clientKey: 'browser:a', stationId: 'ST-01', userId: jan, startedAt: '2026-03-02T09:01:00Z' })).toThrow(/UNIQUE/);
    expect(store.logins.end(first.id, '2026-03-02T10:00:00Z', 'logout')).toBe(true);
    expect(store.logins.end(first.id, '2026-03-02T10:00:01Z', 'idle')).toBe(false);
    expect(store.logins.byId(first.id)).toMatchObject({ endedAt: '2026-03-02T10:00:00Z', endReason: 'logout' });
    expect(store.logins.live('browser:a', 'ST-01')).toBeNull();
    expect(store.logins.rekey('browser:b', 'browser:c')).toBe(1);
    expect(store.logins.live('browser:c', 'ST-01')?.id).toBe(second.id);
    expect(store.logins.allLive().map((l) => [l.clientKey, l.stationId])).toEqual([
      ['browser:c', 'ST-01'],
      ['browser:a', 'ST-02'],
    ]);
    expect(store.logins.liveFor('browser:a').map((l) => l.stationId)).toEqual(['ST-02']);
  });
});
