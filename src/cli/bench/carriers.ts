import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bootStation, type BootedStation } from '../../boot/station';
import { DEMO_LABEL_SETTINGS } from '../../documents/from-order';
import type { NewOrder } from '../../app/ports/store';
import { percentile, round, type Figure } from './stats';

const TOKEN = 'bench-token';
const ORG = '4321';
const TIMED = 30;
const QUEUED = 200;

/**
 * InPost ShipX as the bench's carrier, answering at once: a shipment is confirmed with its number
 * when made, its label is a small ZPL. It keeps how long it spent answering, so the figures can
 * show its time beside ours. (The documented fake with its failures is test/fixtures/carriers.)
 */
async function instantInpost(): Promise<{ url: string; busyMs: () => number; close(): Promise<void> }> {
  const shipments = new Map<number, { id: number; status: string; tracking_number: string; reference: string }>();
  let busy = 0;
  const server = http.createServer((req, res) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const send = (status: number, body: string, type = 'application/json') => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
        busy += performance.now() - started;
      };
      let m: RegExpExecArray | null;
      if (req.method === 'POST' && url.pathname === `/v1/organizations/${ORG}/shipments`) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { reference: string };
        const id = 1000 + shipments.size;
        const made = { id, status: 'confirmed', tracking_number: `6200${String(id).padStart(20, '0')}`, reference: body.reference };
        shipments.set(id, made);
        return send(201, JSON.stringify(made));
      }
      if (req.method === 'GET' && (m = /^\/v1\/shipments\/(\d+)(\/label)?$/.exec(url.pathname))) {
        const s = shipments.get(Number(m[1]));
        if (!s) return send(404, JSON.stringify({ status: 404, error: 'resource_not_found', message: 'not found', details: {} }));
        if (m[2]) return send(200, `^XA^CI28^FO40,40^A0N,40,40^FDInPost^FS^BY2^FO40,200^BCN,200,Y,N,N,A^FD${s.tracking_number}^FS^XZ\n`, 'text/plain');
        return send(200, JSON.stringify(s));
      }
      if (req.method === 'GET' && url.pathname === `/v1/organizations/${ORG}/shipments`) return send(200, JSON.stringify({ items: [] }));
      send(404, JSON.stringify({ status: 404, error: 'resource_not_found', message: `no route ${req.method} ${url.pathname}`, details: {} }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    busyMs: () => busy,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A raw 9100 label printer: when each label's last byte arrived. */
async function labelPrinter(): Promise<{
  port: number;
  arrivals: number[];
  next(count: number): Promise<void>;
  fail(reason: string): void;
  close(): Promise<void>;
}> {
  const arrivals: number[] = [];
  let waiting: { count: number; resolve: () => void; reject: (e: Error) => void } | null = null;
  const server = net.createServer((socket) => {
    socket.on('data', () => undefined);
    socket.on('end', () => {
      arrivals.push(performance.now());
      socket.end();
      if (waiting && arrivals.length >= waiting.count) waiting.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    arrivals,
    next: (count) => (arrivals.length >= count ? Promise.resolve() : new Promise((resolve, reject) => (waiting = { count, resolve, reject }))),
    fail: (reason) => waiting?.reject(new Error(reason)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function must(booted: BootedStation, method: string, input: unknown): Promise<unknown> {
  const result = await booted.station.dispatch(method as never, input as never);
  if (!result.ok) throw new Error(`bench ${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Locker orders of one plain demo product each, numbered CB-1 … */
function lockerOrders(booted: BootedStation, count: number): { numbers: string[]; code: string } {
  const { store } = booted;
  const ready = store.orders.queue({ stationId: booted.stationId, search: '', limit: 200, offset: 0 }).orders.map((o) => store.orders.byNumber(o.number)!);
  const sample = ready[0]!;
  const plain = ready
    .flatMap((o) => o.lines)
    .map((l) => store.catalog.productById(l.productId)!)
    .find((p) => p.tracking === 'none' && !p.isKit && store.catalog.barcodesOf(p.id).some((b) => b.unitsPerScan === 1))!;
  const code = store.catalog.barcodesOf(plain.id).find((b) => b.unitsPerScan === 1)!.code;
  const orders: NewOrder[] = Array.from({ length: count }, (_, i) => ({
    number: `CB-${i + 1}`,
    externalId: null,
    status: 'ready',
    customerName: sample.customerName,
    shipTo: { ...sample.shipTo, country: 'PL', phone: '600100200', email: 'bench@example.com' },
    carrierCode: 'inpost',
    service: 'locker_standard',
    delivery: { pickupPoint: { id: 'KRA010', name: null }, cod: null, declaredValue: null },
    note: null,
    createdAt: new Date().toISOString(),
    lines: [{ sku: plain.sku, quantity: 1 }],
  }));
  store.orders.insertMany(orders);
  return { numbers: orders.map((o) => o.number), code };
}

async function packUpTo(booted: BootedStation, number: string, code: string): Promise<void> {
  await must(booted, 'scan.submit', { data: number, symbology: null, source: 'wedge' });
  await must(booted, 'scan.submit', { data: code, symbology: null, source: 'wedge' });
  await must(booted, 'scan.submit', { data: 'K1', symbology: null, source: 'wedge' });
}

/**
 * Completion → the carrier's ZPL label at a raw 9100 printer, with an InPost that answers at
 * once (its own time shown beside ours), one order at a time; then shipments queued at
 * completion while the workers are stopped, drained by the carrier worker and printed.
 */
export async function benchCarriers(): Promise<Figure[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-carriers-'));
  const inpost = await instantInpost();
  const printer = await labelPrinter();
  const booted = await bootStation({ dataDir, host: 'cli', demo: { orders: 200, seed: 1 } });
  try {
    await must(booted, 'auth.badge', { badge: 'PD-M-0001', pin: '7001' });
    await must(booted, 'labels.settings.set', { ...DEMO_LABEL_SETTINGS, nextSsccSerial: 1 });
    await must(booted, 'printers.profile.set', {
      documentKind: 'label',
      printerKind: 'raw_tcp',
      target: `127.0.0.1:${printer.port}`,
      format: 'zpl',
      raw: true,
    });
    await must(booted, 'printers.profile.remove', { documentKind: 'packing_slip' });
    await must(booted, 'settings.packing', { requireWeight: false });
    await must(booted, 'carriers.accounts.set', { account: { kind: 'inpost', url: inpost.url, organizationId: ORG, labelFormat: 'zpl' }, secret: TOKEN });
    await must(booted, 'auth.logout', {});
    const { numbers, code } = lockerOrders(booted, TIMED + QUEUED);
    await must(booted, 'auth.badge', { badge: 'PD-P-0001' });

    booted.station.documents.start();
    const total: number[] = [];
    const carrier: number[] = [];
    for (const number of numbers.slice(0, TIMED)) {
      await packUpTo(booted, number, code);
      const busyBefore = inpost.busyMs();
      const started = performance.now();
      await must(booted, 'pack.complete', {});
      await printer.next(total.length + 1);
      total.push(printer.arrivals[total.length]! - started);
      carrier.push(inpost.busyMs() - busyBefore);
    }
    await booted.station.documents.stop();

    for (const number of numbers.slice(TIMED)) {
      await packUpTo(booted, number, code);
      await must(booted, 'pack.complete', {});
    }
    // The workers start with the whole queue waiting, as after a carrier outage; done when the last label has printed.
    const drainStarted = performance.now();
    booted.station.documents.start();
    const late = setTimeout(() => printer.fail(`bench carriers: ${printer.arrivals.length} labels printed after 120 s, ${TIMED + QUEUED} owed`), 120_000);
    await printer.next(TIMED + QUEUED);
    clearTimeout(late);
    const drainMs = performance.now() - drainStarted;

    const ours = total.map((t, i) => t - carrier[i]!);
    return [
      { name: `completion → carrier's ZPL label at the 9100 printer (${TIMED} orders): p50`, value: round(percentile(total, 50)), unit: 'ms' },
      { name: "completion → carrier's label at the printer: p99", value: round(percentile(total, 99)), unit: 'ms', note: 'goal ≤ 300 ms' },
      {
        name: '  of which the carrier fake answering (create, confirm, label): p50 / p99',
        value: round(percentile(carrier, 50)),
        unit: 'ms',
        note: `p99 ${round(percentile(carrier, 99))} ms`,
      },
      { name: '  of which our own: p50 / p99', value: round(percentile(ours, 50)), unit: 'ms', note: `p99 ${round(percentile(ours, 99))} ms` },
      {
        name: `${QUEUED} shipments waiting in the queue → created, labelled and printed`,
        value: round((QUEUED / drainMs) * 1000),
        unit: 'shipments/s',
        note: `goal ≥ 20/s; ${Math.round(drainMs)} ms`,
      },
    ];
  } finally {
    await booted.close();
    await inpost.close();
    await printer.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
