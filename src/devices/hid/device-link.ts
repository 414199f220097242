import type { DeviceStatus } from '../../app/ports/devices';
import type { Logger } from '../../app/ports';
import type { HidConnection, HidDeviceInfo, HidModule } from './hid-module';
import { loadNodeHid } from './hid-module';
import type { HidDeviceFilter } from './vendors';
import { describeHidDevice } from './vendors';

/** A ready module, or a loader called on first connect (the default loads node-hid). */
export type HidModuleSource = HidModule | (() => Promise<HidModule>);

export interface HidDeviceLinkOptions {
  hid?: HidModuleSource;
  usagePage: number;
  /** Usage within the page, when the page holds more than one kind of collection. */
  usage?: number;
  filter?: HidDeviceFilter;
  /** Wait between attempts to find or reopen the device. */
  retryMs?: number;
  logger: Logger;
  /** Called once the device is open, before reading starts (e.g. to switch its mode). */
  prepare?: (connection: HidConnection, device: HidDeviceInfo) => Promise<void>;
  onReport: (report: Buffer) => void;
  onStatus: (status: DeviceStatus) => void;
}

const STOPPED: DeviceStatus = { state: 'disconnected', device: null, message: null };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps one HID device open while started: finds it by usage page, reopens it after an unplug
 * or read error, and closes it on stop. Reports from a device it has let go of are dropped.
 */
export class HidDeviceLink {
  private current: DeviceStatus = STOPPED;
  private connection: HidConnection | null = null;
  private module: Promise<HidModule> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  // Bumped by stop(), so a connect that was in flight when the station stopped gives up.
  private generation = 0;
  private running = false;

  constructor(private readonly options: HidDeviceLinkOptions) {}

  status(): DeviceStatus {
    return this.current;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect(this.generation);
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.generation++;
    this.clearTimer();
    const connection = this.connection;
    this.connection = null;
    if (connection) this.close(connection);
    this.setStatus(STOPPED);
  }

  private loadModule(): Promise<HidModule> {
    const source = this.options.hid ?? loadNodeHid;
    this.module ??= typeof source === 'function' ? source() : Promise.resolve(source);
    return this.module;
  }

  private matches(device: HidDeviceInfo): boolean {
    const { usagePage, usage, filter } = this.options;
    if (!device.path) return false;
    if (filter?.vendorId !== undefined && device.vendorId !== filter.vendorId) return false;
    if (filter?.productId !== undefined && device.productId !== filter.productId) return false;
    // Some HID backends report no usage page; then a vendor filter the station set is enough.
    if (!device.usagePage) return filter?.vendorId !== undefined;
    return device.usagePage === usagePage && (usage === undefined || device.usage === usage);
  }

  private async connect(generation: number): Promise<void> {
    const stale = () => generation !== this.generation;
    let device: HidDeviceInfo | undefined;
    try {
      const hid = await this.loadModule();
      const devices = await hid.devices();
      if (stale()) return;
      device = devices.find((d) => this.matches(d));
      if (!device) {
        const page = `0x${this.options.usagePage.toString(16)}`;
        this.retry({ state: 'disconnected', device: null, message: `No HID device on usage page ${page}` });
        return;
      }
      const name = describeHidDevice(device);
      const connection = await hid.open(device.path as string);
      if (stale()) {
        this.close(connection);
        return;
      }
      this.connection = connection;
      connection.on('error', (error) => this.lost(connection, name, error));
      await this.prepareDevice(connection, device);
      if (stale() || this.connection !== connection) return;
      connection.on('data', (report) => {
        if (this.connection === connection) this.options.onReport(report);
      });
      this.setStatus({ state: 'connected', device: name, message: null });
    } catch (error) {
      if (stale()) return;
      // A loader that failed once (native module missing) is tried afresh next time.
      if (!device) this.module = null;
      this.options.logger.error('HID device could not be opened', { error: messageOf(error) });
      this.retry({ state: 'error', device: device ? describeHidDevice(device) : null, message: messageOf(error) });
    }
  }

  private async prepareDevice(connection: HidConnection, device: HidDeviceInfo): Promise<void> {
    if (!this.options.prepare) return;
    try {
      await this.options.prepare(connection, device);
    } catch (error) {
      // The device may already be in the right mode; reading decides whether it works.
      this.options.logger.warn('HID device preparation failed', { device: describeHidDevice(device), error: messageOf(error) });
    }
  }

  private lost(connection: HidConnection, device: string, error: unknown): void {
    if (this.connection !== connection) return;
    this.connection = null;
    this.options.logger.warn('HID device lost', { device, error: messageOf(error) });
    this.close(connection);
    this.retry({ state: 'disconnected', device, message: messageOf(error) });
  }

  private retry(status: DeviceStatus): void {
    this.setStatus(status);
    this.clearTimer();
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect(generation);
    }, this.options.retryMs ?? 2000);
    // A station waiting for a scanner to be plugged in must not keep a CLI process alive.
    this.timer.unref?.();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private close(connection: HidConnection): void {
    // Wrapped so a close that throws at once is handled like one that rejects.
    Promise.resolve()
      .then(() => connection.close())
      .catch((error: unknown) => {
        this.options.logger.warn('HID device did not close cleanly', { error: messageOf(error) });
      });
  }

  private setStatus(status: DeviceStatus): void {
    const same = status.state === this.current.state && status.device === this.current.device && status.message === this.current.message;
    if (same) return;
    this.current = status;
    this.options.onStatus(status);
  }
}
