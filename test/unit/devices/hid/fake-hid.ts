import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import type { Logger } from '../../../../src/app/ports';
import type { HidConnection, HidDeviceInfo, HidModule } from '../../../../src/devices/hid/hid-module';

/** Reads a recorded-report fixture from test/fixtures/hid. */
export function hidFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/hid/${name}`, import.meta.url), 'utf8')) as T;
}

/**
 * One open device at the hardware edge: the test plays reports into it the way node-hid's
 * HIDAsync delivers them ('data' with a Buffer, 'error' when the device goes away).
 */
export class FakeHidDevice extends EventEmitter implements HidConnection {
  readonly featureReports: number[][] = [];
  closed = false;
  featureReportError: Error | null = null;

  constructor(readonly info: HidDeviceInfo) {
    super();
  }

  async sendFeatureReport(data: number[]): Promise<number> {
    if (this.featureReportError) throw this.featureReportError;
    this.featureReports.push([...data]);
    return data.length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  report(bytes: number[]): void {
    this.emit('data', Buffer.from(bytes));
  }

  fail(message: string): void {
    this.emit('error', new Error(message));
  }
}

/** The HID bus: devices can be plugged in and pulled out while the adapter runs. */
export class FakeHidModule implements HidModule {
  private attached: HidDeviceInfo[] = [];
  readonly opened: FakeHidDevice[] = [];
  openError: Error | null = null;

  constructor(devices: HidDeviceInfo[] = []) {
    this.attached = [...devices];
  }

  plug(device: HidDeviceInfo): void {
    this.attached.push(device);
  }

  unplug(path: string): void {
    this.attached = this.attached.filter((d) => d.path !== path);
  }

  async devices(): Promise<HidDeviceInfo[]> {
    return this.attached.map((d) => ({ ...d }));
  }

  async open(path: string): Promise<FakeHidDevice> {
    if (this.openError) throw this.openError;
    const info = this.attached.find((d) => d.path === path);
    if (!info) throw new Error(`cannot open device ${path}`);
    const device = new FakeHidDevice(info);
    this.opened.push(device);
    return device;
  }

  /** The most recently opened device. */
  get device(): FakeHidDevice {
    const device = this.opened.at(-1);
    if (!device) throw new Error('no device was opened');
    return device;
  }
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  msg: string;
  fields?: Record<string, unknown>;
}

export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  return {
    lines,
    info: (msg, fields) => lines.push({ level: 'info', msg, fields }),
    warn: (msg, fields) => lines.push({ level: 'warn', msg, fields }),
    error: (msg, fields) => lines.push({ level: 'error', msg, fields }),
  };
}

export const HONEYWELL_1950: HidDeviceInfo = {
  vendorId: 0x0c2e,
  productId: 0x0b87,
  path: '/dev/hidraw3',
  manufacturer: 'Honeywell Imaging & Mobility',
  product: 'Xenon 1950g',
  usagePage: 0x8c,
  usage: 0x02,
};

export const ZEBRA_DS2208: HidDeviceInfo = {
  vendorId: 0x05e0,
  productId: 0x1300,
  path: '/dev/hidraw4',
  product: 'DS2208',
  usagePage: 0x8c,
  usage: 0x02,
};

export const DATALOGIC_QD2430: HidDeviceInfo = {
  vendorId: 0x05f9,
  productId: 0x4204,
  path: '/dev/hidraw5',
  manufacturer: 'Datalogic',
  product: 'QuickScan QD2430',
  usagePage: 0x8c,
  usage: 0x02,
};

export const KEYBOARD: HidDeviceInfo = {
  vendorId: 0x046d,
  productId: 0xc31c,
  path: '/dev/hidraw0',
  product: 'USB Keyboard',
  usagePage: 0x01,
  usage: 0x06,
};

export const DYMO_M10: HidDeviceInfo = {
  vendorId: 0x0922,
  productId: 0x8003,
  path: '/dev/hidraw6',
  manufacturer: 'DYMO',
  product: 'M10 10 Kg Digital Postal Scale',
  usagePage: 0x8d,
  usage: 0x01,
};
