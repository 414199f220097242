import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { DATABASE_FILE } from '../../../src/boot/data-dir';
import { bootStation, type BootedStation } from '../../../src/boot/station';
import type { RunningCentral } from '../../../src/central/central';
import { readStationKey } from '../../../src/journal/key-file';
import { openDatabase } from '../../../src/storage/db';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { usePostgres } from '../../support/postgres-server';
import { typedCall } from '../../support/station-fixture';
import { link, openCentral, register, replicate, worker } from './replication-fixtures';

/** A manager's console at station PACK-A, attached to a central on PostgreSQL that holds PACK-A's and PACK-B's demo histories. */
export interface AttachedConsole {
  database: string;
  /** Replaced when a test stops central and starts it again. */
  central: RunningCentral;
  booted: BootedStation;
  call: ReturnType<typeof typedCall>;
  /** Each station's own database, to read what it holds alone. */
  stations: { id: string; dataDir: string; db: ReturnType<typeof openDatabase> }[];
  /** Entries before this are the two stations' demo history, all replicated: the station's own new entries come after. */
  before: string;
}

/** Sets up two stations' histories at a real central and PACK-A attached to it, logged in as a manager, for the test file. */
export function useTwoStationsAtCentral(): () => AttachedConsole {
  const server = usePostgres();
  let ready: AttachedConsole | null = null;
  const stations: AttachedConsole['stations'] = [];
  beforeAll(async () => {
    const database = await server().createDatabase();
    const central = await openCentral(database);
    for (const [id, seed] of [
      ['PACK-A', 21],
      ['PACK-B', 22],
    ] as const) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `packdesk-${id}-`));
      await (await bootStation({ dataDir, host: 'cli', demo: { orders: 120, seed } })).close();
      const db = openDatabase(path.join(dataDir, DATABASE_FILE));
      await register(central, id, dataDir);
      expect(await replicate(worker(createJournalRows(db), readStationKey(dataDir)!.publicKey, link(central.url, id, dataDir), 200))).toBe('idle');
      stations.push({ id, dataDir, db });
    }
    const before = new Date().toISOString();
    const booted = await bootStation({ dataDir: stations[0]!.dataDir, host: 'cli', central: { url: central.url, stationId: 'PACK-A' } });
    const call = typedCall(booted.station);
    const login = await call('auth.badge', { badge: 'PD-M-0001', pin: '7001' });
    expect(login.ok).toBe(true);
    ready = { database, central, booted, call, stations, before };
  }, 180_000);
  afterAll(async () => {
    await ready?.booted.close();
    for (const s of stations) s.db.close();
    await ready?.central.close();
  });
  return () => {
    if (!ready) throw new Error('useTwoStationsAtCentral(): set up in beforeAll; call it from a test.');
    return ready;
  };
}

export async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
