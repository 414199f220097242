import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startHost, type HostOptions, type RunningHost } from '../../src/host/server';
import { createStationFixture, type StationFixture } from '../support/station-fixture';

export interface GuardedStation {
  f: StationFixture;
  host: RunningHost;
  url: string;
  port: number;
  /** Journal entries so far: nothing may be written by a refused request. */
  journalLength(): number;
  close(): Promise<void>;
}

/** A real station core behind a real browser host on loopback. */
export async function guardedStation(options: Partial<HostOptions> = {}): Promise<GuardedStation> {
  const f = createStationFixture();
  const rendererDir = path.join(f.dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Packdesk</title>');
  const host = await startHost({ station: f.station, defaultStationId: 'ST-01', rendererDir, host: '127.0.0.1', port: 0, fakeScale: f.scale, ...options });
  return {
    f,
    host,
    url: host.url,
    port: (host.app.server.address() as AddressInfo).port,
    journalLength: () => f.journal.lastSeq(),
    close: async () => {
      await host.close();
      f.close();
    },
  };
}
