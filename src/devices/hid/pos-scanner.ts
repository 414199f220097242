import type { DeviceStatus, RawScan, ScannerPort, Unsubscribe } from '../../app/ports/devices';
import type { Logger } from '../../app/ports';
import { Listeners } from '../listeners';
import type { HidModuleSource } from './device-link';
import { HidDeviceLink } from './device-link';
import type { HidConnection, HidDeviceInfo } from './hid-module';
import type { ReportIdMode } from './pos-scanner-report';
import { ScanAssembler } from './pos-scanner-report';
import type { HidDeviceFilter } from './vendors';
import { USAGE_BARCODE_SCANNER, USAGE_PAGE_BARCODE_SCANNER, VENDOR_HONEYWELL } from './vendors';

/** Honeywell scanners answer in HID POS mode only after this feature report (id 0xFE). */
export const HONEYWELL_HID_POS_MODE = [0xfe, 0x01];

export interface HidPosScannerOptions {
  logger: Logger;
  /** Defaults to node-hid, loaded on first start. */
  hid?: HidModuleSource;
  filter?: HidDeviceFilter;
  reportId?: ReportIdMode;
  retryMs?: number;
  /** Milliseconds clock for joining packets; defaults to Date.now. */
  now?: () => number;
}

async function enterHidPosMode(connection: HidConnection, device: HidDeviceInfo): Promise<void> {
  if (device.vendorId === VENDOR_HONEYWELL) await connection.sendFeatureReport(HONEYWELL_HID_POS_MODE);
}

/** A barcode scanner in HID POS mode (usage page 0x8C), read through node-hid. */
export class HidPosScanner implements ScannerPort {
  private readonly scans: Listeners<RawScan>;
  private readonly statuses: Listeners<DeviceStatus>;
  private readonly assembler: ScanAssembler;
  private readonly link: HidDeviceLink;
  // A device sending reports we cannot read sends many; one log line per run is enough.
  private lastIgnored: string | null = null;

  constructor(private readonly options: HidPosScannerOptions) {
    const listenerFailed = (error: unknown) =>
      options.logger.error('scanner listener failed', { error: error instanceof Error ? error.message : String(error) });
    this.scans = new Listeners(listenerFailed);
    this.statuses = new Listeners(listenerFailed);
    this.assembler = new ScanAssembler({ reportId: options.reportId, now: options.now });
    this.link = new HidDeviceLink({
      hid: options.hid,
      usagePage: USAGE_PAGE_BARCODE_SCANNER,
      usage: USAGE_BARCODE_SCANNER,
      filter: options.filter,
      retryMs: options.retryMs,
      logger: options.logger,
      prepare: enterHidPosMode,
      onReport: (report) => this.receive(report),
      onStatus: (status) => {
        // Packets of a scan cut short by an unplug must not prefix the next scan.
        if (status.state !== 'connected') this.assembler.reset();
        this.lastIgnored = null;
        this.statuses.emit(status);
      },
    });
  }

  start(): void {
    this.link.start();
  }

  stop(): void {
    this.link.stop();
  }

  status(): DeviceStatus {
    return this.link.status();
  }

  onScan(listener: (scan: RawScan) => void): Unsubscribe {
    return this.scans.add(listener);
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.statuses.add(listener);
  }

  private receive(report: ArrayLike<number>): void {
    const step = this.assembler.push(report);
    const device = this.link.status().device;
    if (step.discardedBytes > 0) {
      this.options.logger.warn('scanner dropped an unfinished scan', { device, bytes: step.discardedBytes });
    }
    if (step.kind === 'ignored') {
      if (step.reason !== this.lastIgnored) {
        this.options.logger.warn('scanner report ignored', { device, reason: step.reason, length: report.length });
      }
      this.lastIgnored = step.reason;
      return;
    }
    this.lastIgnored = null;
    if (step.kind === 'scan') {
      this.scans.emit({ data: step.scan.data, symbology: step.scan.symbology, source: 'hid', device });
    }
  }
}
