import { describe, expect, it } from 'vitest';
import { StationFailure } from '../../../src/contract/errors';
import { schemaVersion } from '../../../src/storage/migrate';
import { MIGRATIONS } from '../../../src/storage/migrations';
import { openTestStore } from './fixtures';

const station = (id: string, name = id) => ({ id, name, language: 'en' as const, idleLogoutMinutes: 15 });

describe('createStore', () => {
  it('brings a new database to the newest schema', () => {
    const { db } = openTestStore();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('commits a transaction as one, and rolls all of it back when it throws', () => {
    const { store } = openTestStore();
    expect(
      store.transaction(() => {
        store.stations.upsert(station('ST-01'));
        store.stations.upsert(station('ST-02'));
        return 'done';
      }),
    ).toBe('done');
    expect(() =>
      store.transaction(() => {
        store.stations.upsert(station('ST-03'));
        throw new StationFailure('ORDER_NOT_FOUND', 'no such order');
      }),
    ).toThrow(StationFailure);
    expect(store.stations.list().map((s) => s.id)).toEqual(['ST-01', 'ST-02']);
  });

  it('lets a nested transaction join the outer one, so the outer rollback undoes it', () => {
    const { store } = openTestStore();
    expect(() =>
      store.transaction(() => {
        store.transaction(() => store.stations.upsert(station('ST-01')));
        throw new Error('later step failed');
      }),
    ).toThrow('later step failed');
    expect(store.stations.list()).toEqual([]);
  });

  it('refuses an async function, which would commit before its work is done', () => {
    const { store } = openTestStore();
    expect(() => store.transaction(async () => store.stations.upsert(station('ST-01')))).toThrow(/synchronous/);
    expect(store.stations.list()).toEqual([]);
  });
});
