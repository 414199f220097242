import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NewOutboxEvent } from '../../../src/app/ports/backend';
import { forwardOutbox } from '../../../src/app/sync/forward';
import { startCentral } from '../../../src/central/central';
import { readShopFile } from '../../../src/central/shop-sync';
import { createHttpCentralLink } from '../../../src/central-link/http-link';
import { publicKeyText } from '../../../src/platform/request-signature';
import { csvRecords } from '../../../src/sync/file/csv';
import { createSyncStation } from '../../interop/support/sync-station';
import { order } from '../../support/station-fixture';
import { usePostgres } from '../../support/postgres-server';
import { bundleForChild, type ChildBundle } from '../../support/child-bundle';

const server = usePostgres();
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
let bundle: ChildBundle;

beforeAll(async () => {
  bundle = await bundleForChild('test/unit/central/outbox-child.ts');
});
afterAll(() => bundle.remove());

/** Runs the station process until it forwards, then SIGKILLs it after `ms`; false when it had finished by then. */
async function runAndKill(args: string[], ms: number): Promise<boolean> {
  const child = spawn(process.execPath, [bundle.file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    void exited.then((code) => reject(new Error(`the station process ended before it forwarded (${code})`)));
  });
  const finished = await Promise.race([exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), ms))]);
  if (finished) {
    expect(await exited).toBe(0);
    return false;
  }
  child.kill('SIGKILL');
  await exited;
  return true;
}

it('a station killed with SIGKILL at random points while it forwards its outbox: central and the shop get each event once', async () => {
  const shopDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-central-shop-'));
  const exportFile = path.join(shopDir, 'shipped.csv');
  fs.writeFileSync(path.join(shopDir, 'shop.json'), JSON.stringify({ kind: 'file', file: { exportFile } }));
  const { backend } = readShopFile(path.join(shopDir, 'shop.json'), null);
  const c = await startCentral({
    databaseUrl: await server().createDatabase(),
    host: '127.0.0.1',
    port: 0,
    logger: silent,
    shop: { backend, everySeconds: 3600 },
  });
  const s = createSyncStation();
  try {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    await c.store.stations.register({ id: 'ST-01', name: 'ST-01', publicKey: publicKeyText(privateKey) }, new Date());
    const keyFile = path.join(s.dir, 'central-key.pem');
    fs.writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    const numbers = Array.from({ length: 150 }, (_, i) => `K-${String(i).padStart(3, '0')}`);
    s.store.catalog.importCatalog({
      products: [
        { sku: 'MUG-01', name: 'Mug', weightGrams: 300, tracking: 'none', refuseExpired: false, returnable: true, isKit: false, fragile: false, barcodes: [] },
      ],
      kits: [],
      boxes: [],
    });
    s.store.orders.insertMany(numbers.map((n) => order(n, 'ready', 'Jan Nowak', [{ sku: 'MUG-01', quantity: 1 }], '2026-12-02T07:00:00Z')));
    s.store.transaction(() => {
      for (const orderNumber of numbers) {
        const key = `shipped:file:${orderNumber}:1`;
        const payload = {
          idempotencyKey: key,
          externalOrderId: orderNumber,
          orderNumber,
          carrierCode: 'inpost',
          trackingNumbers: [orderNumber],
          partial: false,
          lines: [],
          parcels: [],
        };
        const event: NewOutboxEvent = {
          type: 'shipped',
          orderId: s.store.orders.byNumber(orderNumber)!.id,
          orderNumber,
          idempotencyKey: key,
          createdAt: new Date().toISOString(),
          payload,
        };
        s.sync.outbox.add(event);
      }
    });

    let kills = 0;
    for (let i = 0; i < 40 && (await runAndKill([s.dir, keyFile, c.url, 'ST-01'], Math.floor(Math.random() * 60))); i++) kills++;
    // The kills landed mid-way: central had some of the events, not all, after them.
    expect(kills).toBeGreaterThan(5);
    // The station started once more, to the end, in this process.
    const link = createHttpCentralLink({ url: c.url, stationId: 'ST-01', privateKey });
    const park = () => Promise.reject(new Error('nothing is parked in this test'));
    while ((await forwardOutbox({ outbox: s.sync.outbox, central: link, park, clock: { now: () => new Date() }, logger: silent })).pushed > 0);

    expect(s.sync.outbox.counts()).toEqual({ queued: 0, parked: 0, sent: numbers.length });
    const atCentral = await c.store.outbox.list(1000);
    expect(atCentral).toHaveLength(numbers.length);
    expect(new Set(atCentral.map((e) => e.eventId)).size).toBe(numbers.length);
    for (let i = 0; i < 50 && (await c.store.outbox.counts()).queued > 0; i++) await c.shopSync!.runOnce();
    const rows = csvRecords(fs.readFileSync(exportFile, 'utf8')).records.map((r) => r.record);
    expect(rows.map((r) => r.order_number).sort()).toEqual(numbers);
  } finally {
    s.close();
    await c.close();
    fs.rmSync(shopDir, { recursive: true, force: true });
  }
}, 300_000);
