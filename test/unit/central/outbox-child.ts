/**
 * A station process for the SIGKILL test of forwarding: hands its outbox to central a few events
 * per request, as the sync does, until nothing is due or it is killed.
 * argv: folder with packdesk.sqlite, the station's central key (PEM file), central's URL, the station's id at central.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { forwardOutbox } from '../../../src/app/sync/forward';
import { createHttpCentralLink } from '../../../src/central-link/http-link';
import { openDatabase } from '../../../src/storage/db';
import { createSyncStorage } from '../../../src/storage/repositories/sync-storage';

const [dir, keyFile, url, stationId] = process.argv.slice(2) as [string, string, string, string];
const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
const { outbox } = createSyncStorage(db);
const central = createHttpCentralLink({ url, stationId, privateKey: crypto.createPrivateKey(fs.readFileSync(keyFile)) });
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const park = () => {
  throw new Error('nothing is parked in this test');
};
process.stdout.write('forwarding\n');
for (;;) {
  const run = await forwardOutbox({ outbox, central, park, clock: { now: () => new Date() }, logger: quiet }, 3);
  if (run.unreachable) throw run.unreachable;
  if (run.pushed === 0) break;
}
db.close();
