import { vi } from 'vitest';
import type { DeviceStatus, RawScan } from '../../../../src/app/ports/devices';
import type { HidDeviceInfo } from '../../../../src/devices/hid/hid-module';
import { HidPosScanner } from '../../../../src/devices/hid/pos-scanner';
import { DYMO_M10, FakeHidModule, HONEYWELL_1950, KEYBOARD, hidFixture, recordingLogger } from './fake-hid';

export interface ScanFixture {
  reports: number[][];
  expected: { data: string; symbology: string | null }[];
}

export const ean13 = hidFixture<ScanFixture>('scanner-ean13-single.json');
export const gs1 = hidFixture<ScanFixture>('scanner-gs1-datamatrix-multi.json');
export const HONEYWELL_NAME = 'Honeywell Imaging & Mobility Xenon 1950g (0c2e:0b87)';

/** A HID POS scanner adapter on a fake bus holding the given devices, with what it reported. */
export function scannerOnFakeBus(devices: HidDeviceInfo[] = [KEYBOARD, DYMO_M10, HONEYWELL_1950], options: { filter?: { vendorId?: number } } = {}) {
  const hid = new FakeHidModule(devices);
  const logger = recordingLogger();
  const scanner = new HidPosScanner({ hid, logger, retryMs: 1000, filter: options.filter });
  const scans: RawScan[] = [];
  const statuses: DeviceStatus[] = [];
  scanner.onScan((s) => scans.push(s));
  scanner.onStatus((s) => statuses.push(s));
  return { hid, logger, scanner, scans, statuses };
}

/** Lets the adapter's pending promises run under fake timers. */
export const settle = () => vi.advanceTimersByTimeAsync(0);
