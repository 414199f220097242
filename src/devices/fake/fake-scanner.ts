import type { DeviceStatus, RawScan, ScannerPort, ScanSource, Unsubscribe } from '../../app/ports/devices';
import { Listeners } from '../listeners';

export interface FakeScannerOptions {
  device?: string;
  source?: ScanSource;
}

function rethrow(error: unknown): never {
  throw error;
}

/**
 * A scanner for tests and the demo: `emit` plays the part of a barcode passing the window.
 * Like a real one it delivers scans only while started, and a failing listener fails the test.
 */
export class FakeScanner implements ScannerPort {
  private readonly scans = new Listeners<RawScan>(rethrow);
  private readonly statuses = new Listeners<DeviceStatus>(rethrow);
  private current: DeviceStatus = { state: 'disconnected', device: null, message: null };
  private readonly device: string;
  private readonly source: ScanSource;

  constructor(options: FakeScannerOptions = {}) {
    this.device = options.device ?? 'Fake scanner';
    this.source = options.source ?? 'hid';
  }

  start(): void {
    this.setStatus({ state: 'connected', device: this.device, message: null });
  }

  stop(): void {
    this.setStatus({ state: 'disconnected', device: null, message: null });
  }

  /** Simulates the cable being pulled; `start()` plugs it back in. */
  disconnect(message = 'unplugged'): void {
    this.setStatus({ state: 'disconnected', device: this.device, message });
  }

  /** Delivers one scan (GS written as \x1D); false when the scanner is not connected. */
  emit(data: string, symbology: string | null = null): boolean {
    if (this.current.state !== 'connected') return false;
    this.scans.emit({ data, symbology, source: this.source, device: this.device });
    return true;
  }

  status(): DeviceStatus {
    return this.current;
  }

  onScan(listener: (scan: RawScan) => void): Unsubscribe {
    return this.scans.add(listener);
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.statuses.add(listener);
  }

  private setStatus(status: DeviceStatus): void {
    if (status.state === this.current.state && status.message === this.current.message && status.device === this.current.device) {
      return;
    }
    this.current = status;
    this.statuses.emit(status);
  }
}
