import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { HidPosScanner } from '../../../../src/devices/hid/pos-scanner';
import { DATALOGIC_QD2430, FakeHidModule, HONEYWELL_1950, KEYBOARD, recordingLogger } from './fake-hid';
import { HONEYWELL_NAME, ean13, gs1, scannerOnFakeBus as setup, settle } from './scanner-rig';

describe('HidPosScanner connection lifecycle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports a read error as a disconnect, closes the device and reopens it after the retry delay', async () => {
    const { hid, scanner, scans, statuses } = setup();
    scanner.start();
    await settle();
    const first = hid.device;
    hid.unplug(HONEYWELL_1950.path as string);
    first.fail('could not read from HID device');
    await settle();
    expect(first.closed).toBe(true);
    expect(scanner.status()).toEqual({
      state: 'disconnected',
      device: HONEYWELL_NAME,
      message: 'could not read from HID device',
    });

    await vi.advanceTimersByTimeAsync(1000);
    expect(scanner.status()).toEqual({ state: 'disconnected', device: null, message: 'No HID device on usage page 0x8c' });

    hid.plug(HONEYWELL_1950);
    await vi.advanceTimersByTimeAsync(1000);
    expect(hid.opened).toHaveLength(2);
    expect(scanner.status().state).toBe('connected');
    expect(statuses.map((s) => s.state)).toEqual(['connected', 'disconnected', 'disconnected', 'connected']);

    first.report(ean13.reports[0] ?? []);
    expect(scans).toEqual([]);
    hid.device.report(ean13.reports[0] ?? []);
    expect(scans).toHaveLength(1);
  });

  it('drops the first half of a scan cut short by a disconnect', async () => {
    const { hid, scanner, scans } = setup();
    scanner.start();
    await settle();
    hid.device.report(gs1.reports[0] ?? []);
    hid.device.fail('device disconnected');
    await vi.advanceTimersByTimeAsync(1000);
    hid.device.report(ean13.reports[0] ?? []);
    expect(scans.map((s) => s.data)).toEqual(['5901234123457']);
  });

  it('keeps trying while no scanner is plugged in, then connects', async () => {
    const { hid, scanner } = setup([KEYBOARD]);
    scanner.start();
    await settle();
    expect(scanner.status()).toEqual({ state: 'disconnected', device: null, message: 'No HID device on usage page 0x8c' });
    hid.plug(DATALOGIC_QD2430);
    await vi.advanceTimersByTimeAsync(999);
    expect(hid.opened).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(scanner.status()).toEqual({ state: 'connected', device: 'Datalogic QuickScan QD2430 (05f9:4204)', message: null });
  });

  it('reports an open failure as an error and retries', async () => {
    const { hid, scanner, logger } = setup();
    hid.openError = new Error('permission denied');
    scanner.start();
    await settle();
    expect(scanner.status()).toEqual({ state: 'error', device: HONEYWELL_NAME, message: 'permission denied' });
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
    hid.openError = null;
    await vi.advanceTimersByTimeAsync(1000);
    expect(scanner.status().state).toBe('connected');
  });

  it('closes the device on stop and neither reads nor reconnects afterwards', async () => {
    const { hid, scanner, scans, statuses } = setup();
    scanner.start();
    await settle();
    const device = hid.device;
    scanner.stop();
    await settle();
    expect(device.closed).toBe(true);
    expect(scanner.status()).toEqual({ state: 'disconnected', device: null, message: null });
    device.report(ean13.reports[0] ?? []);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(scans).toEqual([]);
    expect(hid.opened).toHaveLength(1);
    expect(statuses.map((s) => s.state)).toEqual(['connected', 'disconnected']);
  });

  it('closes a device whose open was still under way when the scanner stopped', async () => {
    const { hid, scanner, statuses } = setup();
    const open = hid.open.bind(hid);
    let finishOpen: () => void = () => {};
    hid.open = (path) => new Promise((resolve) => (finishOpen = () => resolve(open(path))));
    scanner.start();
    await settle();
    scanner.stop();
    finishOpen();
    await settle();
    expect(hid.opened).toHaveLength(1);
    expect(hid.device.closed).toBe(true);
    expect(scanner.status().state).toBe('disconnected');
    expect(statuses.map((s) => s.state)).not.toContain('connected');
  });

  it('can be started again after a stop', async () => {
    const { hid, scanner, scans } = setup();
    scanner.start();
    await settle();
    scanner.stop();
    scanner.start();
    await settle();
    hid.device.report(ean13.reports[0] ?? []);
    expect(scans).toHaveLength(1);
    expect(hid.opened).toHaveLength(2);
  });

  it('reports a HID module that cannot load as an error and tries to load it again', async () => {
    const logger = recordingLogger();
    const hid = new FakeHidModule([HONEYWELL_1950]);
    let attempts = 0;
    const scanner = new HidPosScanner({
      logger,
      retryMs: 500,
      hid: async () => {
        attempts++;
        if (attempts === 1) throw new Error('node-hid: no prebuilt binary');
        return hid;
      },
    });
    scanner.start();
    await settle();
    expect(scanner.status()).toEqual({ state: 'error', device: null, message: 'node-hid: no prebuilt binary' });
    await vi.advanceTimersByTimeAsync(500);
    expect(attempts).toBe(2);
    expect(scanner.status().state).toBe('connected');
  });
});
