import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStationPrinting } from '../../../src/app/documents/printing';
import type { PrintJob, PrintOutcome, PrinterAdapter } from '../../../src/app/ports/printing';
import { retryDelayMs } from '../../../src/printing/backoff';
import { PrintWorker, type Timers } from '../../../src/printing/print-worker';
import { createRawTcpPrinter } from '../../../src/printing/raw-tcp';
import { mountSmallDisk } from '../boot/small-disk';
import { freePort } from './cupsd';
import { listen } from './listener';
import { freshDataDir, manualClock, openStationDb, STATION } from './station-db';

/** Timers the test fires by hand: the worker's schedule is visible and nothing runs by itself. */
function heldTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout: (h) => pending.delete(h as number),
  };
  return { timers, pending, delays: () => [...pending.values()].map((p) => p.ms) };
}

const ZPL = Buffer.from('^XA^FO50,50^A0N,40,40^FDPD-10001^FS^XZ\n');

function setup(dataDir = freshDataDir(), clock = manualClock()) {
  const station = openStationDb(dataDir, clock.now);
  const held = heldTimers();
  const changes: PrintJob[] = [];
  const worker = new PrintWorker({
    stationId: STATION,
    printQueue: station.queue,
    archive: station.archive,
    adapters: { raw_tcp: createRawTcpPrinter({ timeoutMs: 2000 }) },
    clock: clock.now,
    timers: held.timers,
    onChange: (job) => changes.push(job),
  });
  const printing = createStationPrinting({
    stationId: STATION,
    archive: station.archive,
    profiles: station.profiles,
    printQueue: station.queue,
    clock: clock.now,
    onQueued: () => worker.kick(),
  });
  return { ...station, clock, held, worker, printing, changes, dataDir };
}

describe('print queue', () => {
  it('a job to a dead port fails with its reason, is retried with backoff, and prints once the printer is back', async () => {
    const port = await freePort();
    const s = setup();
    s.profiles.set({ stationId: STATION, documentKind: 'label', printerKind: 'raw_tcp', target: `127.0.0.1:${port}`, format: 'zpl', raw: true });
    const { job } = s.printing.print('label', { format: 'zpl', bytes: ZPL }, { orderNumber: 'PD-10001', parcelIndex: 1 });
    expect(job?.status).toBe('queued');

    expect(await s.worker.drain()).toBe(1);
    let failed = s.queue.byId(job!.id)!;
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toContain('refused the connection');
    expect(failed.attempts).toBe(1);
    expect(Date.parse(failed.nextAttemptAt!) - s.clock.now().getTime()).toBe(retryDelayMs(1));
    expect(s.held.delays()).toContain(retryDelayMs(1));

    // Not due yet: nothing is attempted.
    expect(await s.worker.drain()).toBe(0);
    s.clock.advance(retryDelayMs(1));
    expect(await s.worker.drain()).toBe(1);
    failed = s.queue.byId(job!.id)!;
    expect(failed.attempts).toBe(2);
    expect(Date.parse(failed.nextAttemptAt!) - s.clock.now().getTime()).toBe(retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    const printer = await listen(port);
    s.clock.advance(retryDelayMs(2));
    expect(await s.worker.drain()).toBe(1);
    // Attempts the printer refused printed nothing: the job is not one sent again.
    expect(s.queue.byId(job!.id)).toMatchObject({ status: 'done', lastError: null, attempts: 3, resent: false });
    expect((await printer.received).equals(ZPL)).toBe(true);
    expect(s.changes.map((j) => j.status)).toEqual(['printing', 'failed', 'printing', 'failed', 'printing', 'done']);
    await printer.close();
  });

  it('a pending job survives a restart: a job left "printing" is queued again and prints', async () => {
    const dataDir = freshDataDir();
    const clock = manualClock();
    const printer = await listen();
    const first = setup(dataDir, clock);
    first.profiles.set({
      stationId: STATION,
      documentKind: 'packing_slip',
      printerKind: 'raw_tcp',
      target: `127.0.0.1:${printer.port}`,
      format: 'zpl',
      raw: true,
    });
    const { job } = first.printing.print('packing_slip', { format: 'zpl', bytes: ZPL }, { orderNumber: 'PD-10002' });
    // The crash: claimed, then the process died before the printer answered.
    expect(first.queue.claimNext(STATION, clock.now().toISOString())?.status).toBe('printing');
    first.db.close();

    const second = setup(dataDir, clock);
    expect(second.queue.byId(job!.id)?.status).toBe('printing');
    second.worker.start();
    // The cut-short attempt may have printed: the job goes out again, marked as sent again.
    expect(second.queue.byId(job!.id)).toMatchObject({ status: 'queued', resent: true });
    await second.worker.drain();
    expect(second.queue.byId(job!.id)).toMatchObject({ status: 'done', resent: true });
    expect((await printer.received).equals(ZPL)).toBe(true);
    await printer.close();
  });

  it('cancels, retries at once and reprints the same kept bytes', async () => {
    const port = await freePort();
    const s = setup();
    s.profiles.set({ stationId: STATION, documentKind: 'label', printerKind: 'raw_tcp', target: `127.0.0.1:${port}`, format: 'zpl', raw: true });
    const { job, document } = s.printing.print('label', { format: 'zpl', bytes: ZPL }, { orderNumber: 'PD-10003', parcelIndex: 1 });
    const at = s.clock.now().toISOString();
    expect(s.queue.cancel(job!.id, at)).toBe(true);
    expect(await s.worker.drain()).toBe(0);
    expect(s.queue.retryNow(job!.id, at)).toBe(true);
    expect(s.queue.byId(job!.id)).toMatchObject({ status: 'queued', attempts: 0 });
    const again = s.queue.reprint(job!.id, at);
    expect(again).toMatchObject({ documentId: document.id, status: 'queued', target: `127.0.0.1:${port}` });
    expect(Buffer.from(s.archive.read(document.id)).equals(ZPL)).toBe(true);
    expect(s.archive.forOrder('PD-10003').map((d) => d.sha256)).toEqual([document.sha256]);
  });

  it('keeps a document without a printer and says why it was not queued', () => {
    const s = setup();
    const result = s.printing.print('packing_slip', { format: 'pdf', bytes: Buffer.from('%PDF-1.7') }, { orderNumber: 'PD-1' });
    expect(result.job).toBeNull();
    expect(result.reason).toBe('No printer at station ST-01 is set up for packing slip in PDF');
    expect(s.archive.byId(result.document.id)?.path).toMatch(/^documents\/2026\/03\/.+\.pdf$/);
  });

  it('prints a carrier label made elsewhere on the label printer that speaks its format', () => {
    const s = setup();
    s.profiles.set({ stationId: STATION, documentKind: 'label', printerKind: 'raw_tcp', target: '127.0.0.1:9', format: 'zpl', raw: true });
    expect(s.printing.print('carrier_label', { format: 'zpl', bytes: ZPL }, { orderNumber: 'PD-1' }).job?.target).toBe('127.0.0.1:9');
    expect(s.printing.print('carrier_label', { format: 'epl', bytes: Buffer.from('N\nP1\n') }, { orderNumber: 'PD-1' }).job).toBeNull();
  });

  it('stops only once the job being sent is recorded, so the host can close the database behind it', async () => {
    const s = setup();
    let answer: () => void = () => undefined;
    const printer: PrinterAdapter = {
      kind: 'raw_tcp',
      discover: async () => [],
      // A printer that takes its time to accept the bytes.
      print: () => new Promise<PrintOutcome>((resolve) => (answer = () => resolve({ ok: true, printerJobRef: null }))),
    };
    const worker = new PrintWorker({
      stationId: STATION,
      printQueue: s.queue,
      archive: s.archive,
      adapters: { raw_tcp: printer },
      clock: s.clock.now,
      timers: s.held.timers,
    });
    s.profiles.set({ stationId: STATION, documentKind: 'label', printerKind: 'raw_tcp', target: '127.0.0.1:9', format: 'zpl', raw: true });
    const { job } = s.printing.print('label', { format: 'zpl', bytes: ZPL }, { orderNumber: 'PD-10004', parcelIndex: 1 });
    const draining = worker.drain();
    await new Promise((r) => setImmediate(r));
    expect(s.queue.byId(job!.id)?.status).toBe('printing');
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    answer();
    await stopping;
    expect(s.queue.byId(job!.id)?.status).toBe('done');
    s.db.close();
    expect(await draining).toBe(1);
  });

  it('on a full disk logs a drain that cannot record its jobs, waits 5 s, and prints once space is back', async (ctx) => {
    const disk = mountSmallDisk(2);
    if (typeof disk === 'string') return ctx.skip(disk);
    const s = setup(path.join(disk.dir, 'station'));
    try {
      const printer = await listen();
      const logged: string[] = [];
      const logger = { info: () => undefined, warn: () => undefined, error: (msg: string) => void logged.push(msg) };
      const worker = new PrintWorker({
        stationId: STATION,
        printQueue: s.queue,
        archive: s.archive,
        adapters: { raw_tcp: createRawTcpPrinter({ timeoutMs: 2000 }) },
        clock: s.clock.now,
        timers: s.held.timers,
        logger,
      });
      s.profiles.set({ stationId: STATION, documentKind: 'label', printerKind: 'raw_tcp', target: `127.0.0.1:${printer.port}`, format: 'zpl', raw: true });
      const { job } = s.printing.print('label', { format: 'zpl', bytes: ZPL }, { orderNumber: 'PD-10005', parcelIndex: 1 });
      // Only this worker (with its logger) drains here, not the one setup() wired to print().
      s.held.pending.clear();
      const runDue = async () => {
        const [handle, timer] = [...s.held.pending.entries()][0]!;
        s.held.pending.delete(handle);
        timer.fn();
        for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      };

      const free = disk.fill();
      worker.kick();
      // Claiming the job is a write: the full disk refuses it.
      await runDue();
      expect(logged).toEqual(['the print queue could not be worked through']);
      expect(s.queue.byId(job!.id)?.status).toBe('queued');
      expect(s.held.delays()).toEqual([5_000]);

      free();
      await runDue();
      expect((await printer.received).equals(ZPL)).toBe(true);
      expect(s.queue.byId(job!.id)).toMatchObject({ status: 'done', attempts: 1 });
      await printer.close();
    } finally {
      s.db.close();
      disk.unmount();
    }
  });
});
