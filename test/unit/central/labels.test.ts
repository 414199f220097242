import { afterEach, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../../src/central/central';
import { BaselinkerBackend } from '../../../src/sync/baselinker/backend';
import { blOrder, FAKE_LABEL, FAKE_TOKEN, startFakeBaselinker, type FakeBaselinker } from '../../fixtures/sync/baselinker-fake';
import { usePostgres } from '../../support/postgres-server';
import { attachStation, openCentralWith, type AttachedStation } from './clip-fixtures';

const server = usePostgres();
const open: { central: RunningCentral[]; stations: AttachedStation[]; fakes: FakeBaselinker[] } = { central: [], stations: [], fakes: [] };
afterEach(async () => {
  for (const s of open.stations.splice(0)) s.f.close();
  for (const c of open.central.splice(0)) await c.close();
  for (const f of open.fakes.splice(0)) await f.close();
});

const statusMap = { ready: [102], onHold: [103], cancelled: [105], shipped: 104 };

describe('a label the shop buys, handed back from central to the station that packed the order', () => {
  it('central pushes the shipment to BaseLinker, fetches the courier label, and only the packing station prints it, once', async () => {
    const fake = await startFakeBaselinker(() => Date.now());
    open.fakes.push(fake);
    fake.orders.push(blOrder(7, 1_700_000_100, 102, [{ sku: 'MUG-BL', ean: '5901234123457', quantity: 1 }]));
    const backend = new BaselinkerBackend({ url: fake.url, statusMap, courierCode: 'inpost', requestsPerMinute: 100, allowInsecureHttp: false }, FAKE_TOKEN);
    const c = await openCentralWith(await server().createDatabase(), { shop: { backend, everySeconds: 3600 } });
    open.central.push(c);
    const a = await attachStation(c, 'ST-A');
    const b = await attachStation(c, 'ST-B');
    open.stations.push(a, b);
    b.f.documents.profiles.set({ stationId: 'ST-01', documentKind: 'carrier_label', printerKind: 'raw_tcp', target: '127.0.0.1:9', format: 'pdf', raw: false });

    // B packed BL-7 and forwarded its shipment, as an attached station does at its sync (src/app/sync/forward.ts).
    const push = {
      idempotencyKey: 'shipped:baselinker:BL-7:1',
      externalOrderId: '7',
      orderNumber: 'BL-7',
      carrierCode: 'inpost',
      trackingNumbers: [],
      partial: false,
      lines: [{ externalLineId: '7-1', sku: 'MUG-BL', quantity: 1 }],
      parcels: [{ no: 1, weightGrams: 830, boxCode: 'BOX-K1' }],
      labelFromShop: true,
    };
    await c.store.outbox.accept(
      'ST-B',
      [
        {
          eventId: 1,
          type: 'shipped',
          orderNumber: 'BL-7',
          idempotencyKey: push.idempotencyKey,
          payload: push,
          createdAt: new Date().toISOString(),
          shopAttempts: 0,
        },
      ],
      new Date(),
    );
    // Central's own sync may be delivering already (it pulls and delivers at start): whichever run
    // takes the delivery lock pushes the shipment, and only one does.
    await c.shopSync!.runOnce();
    for (let waited = 0; !fake.calls.some((call) => call.method === 'getLabel'); waited += 50) {
      if (waited > 10_000) throw new Error(`the shipment was not delivered: ${fake.calls.map((call) => call.method).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fake.calls.map((call) => call.method)).toEqual(expect.arrayContaining(['createPackage', 'setOrderStatus', 'getLabel']));
    expect(fake.calls.filter((call) => call.method === 'createPackage')).toHaveLength(1);
    expect(await c.store.labels.waiting('ST-A', 10)).toEqual([]);
    const [waiting] = await c.store.labels.waiting('ST-B', 10);
    expect(waiting).toMatchObject({ orderNumber: 'BL-7', format: 'pdf' });
    expect(Buffer.from(waiting!.bytes)).toEqual(FAKE_LABEL);

    // B's courier hears of it at its next poll and queues it for its label printer, archived like any label.
    expect(await a.f.station.central!.courier!.step(0)).toBe('idle');
    expect(await b.f.station.central!.courier!.step(0)).toBe('worked');
    const [label] = b.f.documents.archive.forOrder('BL-7').filter((d) => d.kind === 'carrier_label');
    expect(label).toMatchObject({ format: 'pdf' });
    expect(Buffer.from(b.f.documents.archive.read(label!.id))).toEqual(FAKE_LABEL);
    expect(b.f.documents.printQueue.list('ST-01').filter((j) => j.documentId === label!.id)).toHaveLength(1);
    expect(a.f.documents.archive.forOrder('BL-7')).toEqual([]);

    // Taken: not handed out again.
    expect(await c.store.labels.waiting('ST-B', 10)).toEqual([]);
    expect(await b.f.station.central!.courier!.step(0)).toBe('idle');
    expect(b.f.documents.archive.forOrder('BL-7').filter((d) => d.kind === 'carrier_label')).toHaveLength(1);
  }, 60_000);
});
