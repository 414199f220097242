import crypto from 'node:crypto';
import path from 'node:path';
import { startCentral, type CentralOptions, type RunningCentral } from '../../../src/central/central';
import { createHttpCentralLink } from '../../../src/central-link/http-link';
import { createHttpConsoleLink } from '../../../src/central-link/console-link';
import { createHttpFilesLink } from '../../../src/central-link/files-link';
import { createHttpReplicationLink } from '../../../src/central-link/replication-link';
import { loadOrCreateStationKey } from '../../../src/journal/key-file';
import { publicKeyText } from '../../../src/platform/request-signature';
import { openDatabase } from '../../../src/storage/db';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { createStationFixture, typedCall, type StationFixture, type StationFixtureOptions } from '../../support/station-fixture';
import { ok, openMugOrder } from '../app/video/support';
import { replicate, silent, worker } from './replication-fixtures';

export const openCentralWith = (databaseUrl: string, options: Partial<CentralOptions>): Promise<RunningCentral> =>
  startCentral({ databaseUrl, host: '127.0.0.1', port: 0, logger: silent, ...options });

export interface AttachedStation {
  id: string;
  f: StationFixture;
  call: ReturnType<typeof typedCall>;
  privateKey: crypto.KeyObject;
}

/**
 * A station with its own SQLite, registered at central under `id` (and `name`, the id unless given)
 * with a fresh key and attached (claims, clips, labels, the console's reads).
 */
export async function attachStation(c: RunningCentral, id: string, fixture: StationFixtureOptions = {}, name = id): Promise<AttachedStation> {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  await c.store.stations.register({ id, name, publicKey: publicKeyText(privateKey) }, new Date());
  const link = createHttpCentralLink({ url: c.url, stationId: id, privateKey, timeoutMs: 3000 });
  const files = createHttpFilesLink({ url: c.url, stationId: id, privateKey, clipTimeoutMs: 20_000 });
  const console = createHttpConsoleLink({ url: c.url, stationId: id, privateKey });
  const f = createStationFixture({ ...fixture, central: { link, files, console, stationId: id, leaseBatch: 1 } });
  return { id, f, call: typedCall(f.station), privateKey };
}

/** Records a packing clip of PD-100001 at the station (real chunks in a real file) and closes it; its id and bytes. */
export async function recordClip(s: AttachedStation, size = 300_000): Promise<{ segmentId: number; content: Buffer }> {
  const { call, sessionId } = await openMugOrder(s.f);
  const started = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
  if (started.mode !== 'webcam') throw new Error('expected webcam mode');
  const content = crypto.randomBytes(size);
  const half = Math.floor(size / 2);
  await ok(call('video.chunk', { segmentId: started.segment.id, index: 0, ms: 1000, data: content.subarray(0, half).toString('base64') }));
  await ok(call('video.chunk', { segmentId: started.segment.id, index: 1, ms: 1000, data: content.subarray(half).toString('base64') }));
  s.f.clock.advance(2000);
  await ok(call('video.stop', { segmentId: started.segment.id }));
  return { segmentId: started.segment.id, content };
}

/** Ships the station's journal (with its video.segment entries) to central. */
export async function replicateStation(c: RunningCentral, s: AttachedStation): Promise<void> {
  const db = openDatabase(path.join(s.f.dir, 'packdesk.sqlite'));
  try {
    const link = createHttpReplicationLink({ url: c.url, stationId: s.id, privateKey: s.privateKey, timeoutMs: 5000 });
    const outcome = await replicate(worker(createJournalRows(db), loadOrCreateStationKey(s.f.dir).publicKey, link));
    if (outcome !== 'idle') throw new Error(`replication ended ${outcome}`);
  } finally {
    db.close();
  }
}

/** The bytes of a clip stream. */
export async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}
