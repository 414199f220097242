import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStationFixture, typedCall, type StationFixture } from '../../../support/station-fixture';
import { freePort } from '../../printing/cupsd';
import { listen } from '../../printing/listener';
import { ok, packMugs, setUpPrinting } from './support';

let f: StationFixture;
let call: ReturnType<typeof typedCall>;
beforeEach(() => {
  f = createStationFixture();
  call = typedCall(f.station);
});
afterEach(() => f.close());

const label = () => ok(call('documents.label', { orderNumber: 'PD-100001' }));
const unprinted = async () => (await ok(call('queue.list', {}))).labelsNotPrinted;

describe('whether a completed order’s label printed', () => {
  it('is printing until the worker has tried, then printed; a printed label is not listed', async () => {
    const printer = await listen();
    await setUpPrinting(f, [{ kind: 'label', target: `127.0.0.1:${printer.port}`, format: 'zpl' }]);
    await packMugs(f);
    expect(await label()).toEqual({ orderNumber: 'PD-100001', state: 'printing', fault: null, reason: null, target: null, parcels: [] });
    expect(await unprinted()).toEqual([]);
    await f.station.documents.drain();
    await printer.received;
    expect(await label()).toMatchObject({ state: 'printed', fault: null, parcels: [] });
    expect(await unprinted()).toEqual([]);
    await printer.close();
  });

  it('says a dead printer did not print it, with its reason, and lists the order until a retry prints it', async () => {
    const port = await freePort();
    await setUpPrinting(f, [{ kind: 'label', target: `127.0.0.1:${port}`, format: 'zpl' }]);
    const done = await packMugs(f);
    // Completion stays possible: the order is shipped whatever its label does.
    expect(done.status).toBe('shipped');
    await f.station.documents.drain();
    const failed = await label();
    expect(failed).toMatchObject({ state: 'not_printed', fault: 'printer_failed', target: `127.0.0.1:${port}`, parcels: [1] });
    expect(failed.reason).toMatch(/refused the connection/);
    expect(await unprinted()).toEqual([{ ...failed, customerName: 'Zażółć Gęślą' }]);

    const printer = await listen(port);
    const [job] = (await ok(call('print.queue', {}))).jobs;
    await ok(call('print.retry', { jobId: job!.id }));
    await f.station.documents.drain();
    await printer.received;
    expect(await label()).toMatchObject({ state: 'printed' });
    expect(await unprinted()).toEqual([]);
    await printer.close();
  });

  it('says no printer takes it, or that it could not be made, or that its job was cancelled', async () => {
    await setUpPrinting(f, []);
    await packMugs(f);
    await f.station.documents.drain();
    expect(await label()).toMatchObject({
      state: 'not_printed',
      fault: 'no_printer',
      reason: 'No printer at station ST-01 is set up for label in PDF',
      parcels: [1],
    });

    const g = createStationFixture();
    try {
      await setUpPrinting(g, [], false);
      await packMugs(g);
      await g.station.documents.drain();
      const status = await ok(typedCall(g.station)('documents.label', { orderNumber: 'PD-100001' }));
      expect(status).toMatchObject({ state: 'not_printed', fault: 'not_made', parcels: [1] });
      expect(status.reason).toMatch(/Label settings are not set up/);
    } finally {
      g.close();
    }

    const h = createStationFixture();
    try {
      const port = await freePort();
      await setUpPrinting(h, [{ kind: 'label', target: `127.0.0.1:${port}`, format: 'zpl' }]);
      await packMugs(h);
      const hCall = typedCall(h.station);
      // The printer refused it and the packer cancelled the job rather than wait for a retry.
      await h.station.documents.drain();
      const [job] = (await ok(hCall('print.queue', {}))).jobs;
      await ok(hCall('print.cancel', { jobId: job!.id }));
      expect(await ok(hCall('documents.label', { orderNumber: 'PD-100001' }))).toMatchObject({ state: 'not_printed', fault: 'cancelled' });
    } finally {
      h.close();
    }
  });

  it('says nothing is owed for an order that was never completed here', async () => {
    await ok(call('scan.submit', { data: 'PD-P-0001', symbology: null, source: 'wedge' }));
    expect(await ok(call('documents.label', { orderNumber: 'PD-100002' }))).toMatchObject({ state: 'none', parcels: [] });
  });
});
