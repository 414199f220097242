import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import type { RawScan } from '../../../../src/app/ports/devices';
import { HidPosScanner } from '../../../../src/devices/hid/pos-scanner';
import { DATALOGIC_QD2430, FakeHidModule, HONEYWELL_1950, ZEBRA_DS2208, recordingLogger } from './fake-hid';
import { HONEYWELL_NAME, ean13, gs1, scannerOnFakeBus as setup, settle } from './scanner-rig';

describe('HidPosScanner reading scans', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the scanner collection on usage page 0x8C, not the keyboard or the scale', async () => {
    const { hid, scanner, statuses } = setup();
    expect(scanner.status().state).toBe('disconnected');
    scanner.start();
    await settle();
    expect(hid.opened.map((d) => d.info.path)).toEqual([HONEYWELL_1950.path]);
    expect(statuses).toEqual([{ state: 'connected', device: HONEYWELL_NAME, message: null }]);
    expect(scanner.status()).toEqual(statuses[0]);
  });

  it('switches a Honeywell scanner into HID POS mode with feature report 0xFE 0x01', async () => {
    const { hid, scanner } = setup();
    scanner.start();
    await settle();
    expect(hid.device.featureReports).toEqual([[0xfe, 0x01]]);
  });

  it('sends no feature report to other makes', async () => {
    const { hid, scanner } = setup([ZEBRA_DS2208]);
    scanner.start();
    await settle();
    expect(hid.device.featureReports).toEqual([]);
    expect(scanner.status().device).toBe('Zebra DS2208 (05e0:1300)');
  });

  it('delivers recorded reports as raw scans with the AIM identifier and the device', async () => {
    const { hid, scanner, scans } = setup();
    scanner.start();
    await settle();
    for (const r of [...ean13.reports, ...gs1.reports]) hid.device.report(r);
    expect(scans).toEqual([
      { data: '5901234123457', symbology: ']E0', source: 'hid', device: HONEYWELL_NAME },
      { data: gs1.expected[0]?.data, symbology: ']d2', source: 'hid', device: HONEYWELL_NAME },
    ]);
    expect(scans[1]?.data).toContain('\x1d');
  });

  it('logs a run of garbage reports once and keeps reading', async () => {
    const { hid, scanner, scans, logger } = setup();
    scanner.start();
    await settle();
    hid.device.report([0x02, 0x05]);
    hid.device.report([0x02, 0x05, 0x00]);
    hid.device.report(ean13.reports[0] ?? []);
    hid.device.report([0x02]);
    expect(scans).toHaveLength(1);
    expect(logger.lines.filter((l) => l.msg === 'scanner report ignored')).toHaveLength(2);
    expect(logger.lines).toContainEqual({
      level: 'warn',
      msg: 'scanner report ignored',
      fields: { device: HONEYWELL_NAME, reason: 'too_short', length: 2 },
    });
  });

  it('still reads when the Honeywell mode switch fails, and says so in the log', async () => {
    const hid = new FakeHidModule([HONEYWELL_1950]);
    const logger = recordingLogger();
    const open = hid.open.bind(hid);
    hid.open = async (path) => {
      const device = await open(path);
      device.featureReportError = new Error('feature report not supported');
      return device;
    };
    const scanner = new HidPosScanner({ hid, logger });
    const scans: RawScan[] = [];
    scanner.onScan((s) => scans.push(s));
    scanner.start();
    await settle();
    expect(scanner.status().state).toBe('connected');
    expect(logger.lines.map((l) => l.msg)).toContain('HID device preparation failed');
    hid.device.report(ean13.reports[0] ?? []);
    expect(scans).toHaveLength(1);
    scanner.stop();
  });

  it('uses the vendor filter to choose between two scanners', async () => {
    const { hid, scanner } = setup([HONEYWELL_1950, DATALOGIC_QD2430], { filter: { vendorId: 0x05f9 } });
    scanner.start();
    await settle();
    expect(hid.device.info.path).toBe(DATALOGIC_QD2430.path);
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const { hid, scanner, scans, logger } = setup();
    scanner.onScan(() => {
      throw new Error('listener bug');
    });
    const after: RawScan[] = [];
    scanner.onScan((s) => after.push(s));
    scanner.start();
    await settle();
    hid.device.report(ean13.reports[0] ?? []);
    expect(scans).toHaveLength(1);
    expect(after).toHaveLength(1);
    expect(logger.lines).toContainEqual({ level: 'error', msg: 'scanner listener failed', fields: { error: 'listener bug' } });
  });

  it('unsubscribes a listener', async () => {
    const { hid, scanner } = setup();
    const seen: RawScan[] = [];
    const off = scanner.onScan((s) => seen.push(s));
    scanner.start();
    await settle();
    off();
    hid.device.report(ean13.reports[0] ?? []);
    expect(seen).toEqual([]);
  });
});
