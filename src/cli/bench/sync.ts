import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShipmentPush, ShopBackend } from '../../app/ports';
import { drainOutbox, parkInJournal } from '../../app/sync/drain';
import { secretEndpoint } from '../../app/sync/endpoint';
import { bootStation, type BootedStation } from '../../boot/station';
import { keyFileSecrets } from '../../sync';
import { VendureBackend } from '../../sync/vendure/backend';
import { round, type Figure } from './stats';
import { startBenchShop } from './sync-vendure';

const QUIET = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface SyncBenchOptions {
  /** Orders placed in Vendure and pulled; each costs seven Shop API calls to make. */
  orders?: number;
  /** Events drained through an in-process backend, to measure the outbox itself. */
  outboxEvents?: number;
  port?: number;
}

/**
 * Pull from a real Vendure (orders/s through the station, and the same queries answered by
 * Vendure alone), then the outbox's drain rate to Vendure and through an in-process backend.
 */
export async function benchSync(options: SyncBenchOptions = {}): Promise<Figure[]> {
  const count = options.orders ?? Number(process.env.PACKDESK_BENCH_SYNC_ORDERS ?? 300);
  const events = options.outboxEvents ?? 5000;
  const shop = await startBenchShop(options.port ?? 3891);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-sync-'));
  const figures: Figure[] = [];
  let booted: BootedStation | null = null;
  try {
    await shop.placeOrders(count, 8);
    booted = await bootStation({ dataDir, host: 'cli' });
    const vendure = {
      url: shop.adminUrl,
      username: 'superadmin',
      channelToken: null,
      barcodeField: 'barcode',
      fulfillmentHandler: 'manual-fulfillment',
      pageSize: 100,
      allowInsecureHttp: false,
    };
    const settings = { kind: 'vendure' as const, vendure, baselinker: null, file: null, everySeconds: 60 };
    booted.sync.settings.saveSettings(settings);
    booted.sync.settings.saveSealedSecret(keyFileSecrets(dataDir).sealer.seal(new TextEncoder().encode('superadmin')), secretEndpoint(settings));

    let started = performance.now();
    const run = await booted.station.sync.runOnce();
    const pullSeconds = (performance.now() - started) / 1000;
    if (run.error || run.pulledOrders !== count) throw new Error(`pull went wrong: ${JSON.stringify(run)}`);
    figures.push({ name: `sync: pull ${count} orders from Vendure into the station`, value: round(count / pullSeconds), unit: 'orders/s' });

    // The same pages asked of Vendure alone: what the station adds on top is the rest.
    const adapter = new VendureBackend(vendure, 'superadmin');
    await adapter.testConnection();
    started = performance.now();
    let cursor: string | null = null;
    for (;;) {
      const page = await adapter.pullOrders(cursor);
      cursor = page.cursor;
      if (!page.more) break;
    }
    figures.push({
      name: 'sync: Vendure answering the same order pages alone',
      value: round(count / ((performance.now() - started) / 1000)),
      unit: 'orders/s',
    });

    figures.push(await drainToVendure(booted, adapter));
    figures.push(await drainInProcess(booted, events));
  } finally {
    await booted?.close();
    await shop.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

/** Every pulled order shipped through the outbox: one fulfilment and one transition each. */
async function drainToVendure(booted: BootedStation, backend: ShopBackend): Promise<Figure> {
  const { store, sync } = booted;
  const orders = store.orders.list({ status: 'ready', limit: 100_000, offset: 0 }).orders;
  store.transaction(() => {
    for (const summary of orders) {
      const order = store.orders.byId(summary.id)!;
      const lines = sync.links.externalLines(order.id);
      const link = sync.links.externalId(order.id)!;
      const push: ShipmentPush = {
        idempotencyKey: `bench:${link.externalId}`,
        externalOrderId: link.externalId,
        orderNumber: order.number,
        carrierCode: 'bench',
        trackingNumbers: [order.number],
        partial: false,
        lines: order.lines.map((l) => ({ externalLineId: lines.get(l.id)!, sku: l.sku, quantity: l.quantity })),
        parcels: [{ no: 1, weightGrams: null, boxCode: null }],
      };
      sync.outbox.add({
        type: 'shipped',
        orderId: order.id,
        orderNumber: order.number,
        idempotencyKey: push.idempotencyKey,
        payload: push,
        createdAt: new Date().toISOString(),
      });
    }
  });
  const started = performance.now();
  const drained = await drainOutbox({ ...deps(booted), backend }, orders.length);
  if (drained.pushed !== orders.length) throw new Error(`drain went wrong: ${JSON.stringify(drained)}`);
  return {
    name: `sync: outbox drain to Vendure (${orders.length} shipments)`,
    value: round(orders.length / ((performance.now() - started) / 1000)),
    unit: 'events/s',
  };
}

/** The outbox's own cost per event: claim, attempt, mark sent, with a backend that answers at once. */
async function drainInProcess(booted: BootedStation, events: number): Promise<Figure> {
  const { store, sync } = booted;
  const orderId = store.orders.list({ limit: 1, offset: 0 }).orders[0]!.id;
  store.transaction(() => {
    for (let i = 0; i < events; i++) {
      const idempotencyKey = `bench-note:${i}`;
      sync.outbox.add({
        type: 'note',
        orderId,
        orderNumber: 'BENCH',
        idempotencyKey,
        payload: { idempotencyKey, externalOrderId: 'BENCH', note: 'x' },
        createdAt: new Date().toISOString(),
      });
    }
  });
  const instant: ShopBackend = {
    kind: 'file',
    testConnection: async () => ({ shopName: 'bench' }),
    pullProducts: async () => ({ items: [], cursor: null, more: false, total: 0 }),
    pullOrders: async () => ({ items: [], cursor: null, more: false, total: 0 }),
    ordersById: async () => [],
    hasShipment: async () => false,
    pushShipment: async () => ({ remoteRef: 'x' }),
    pushNote: async () => undefined,
    hasReturn: async () => false,
    pushReturn: async () => ({ remoteRef: 'x' }),
    fetchLabel: async () => null,
  };
  const started = performance.now();
  let pushed = 0;
  // Events of one order go one at a time (per-order ordering), so each drain call sends one.
  while (pushed < events) pushed += (await drainOutbox({ ...deps(booted), backend: instant }, 1)).pushed;
  return {
    name: `sync: outbox drain, in-process backend (${events} events of one order)`,
    value: round(events / ((performance.now() - started) / 1000)),
    unit: 'events/s',
  };
}

function deps(booted: BootedStation) {
  return {
    outbox: booted.sync.outbox,
    park: parkInJournal({ ...booted, outbox: booted.sync.outbox, clock: { now: () => new Date() }, logger: QUIET }),
    clock: { now: () => new Date() },
    logger: QUIET,
    carrierLabels: null,
  };
}
