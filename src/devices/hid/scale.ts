import type { DeviceStatus, ScalePort, ScaleReading, Unsubscribe } from '../../app/ports/devices';
import type { Clock, Logger } from '../../app/ports';
import { Listeners } from '../listeners';
import type { HidModuleSource } from './device-link';
import { HidDeviceLink } from './device-link';
import type { ScaleRejection } from './scale-report';
import { parseScaleReport, sameReading } from './scale-report';
import type { HidDeviceFilter } from './vendors';
import { USAGE_PAGE_SCALE } from './vendors';

export interface HidScaleOptions {
  logger: Logger;
  /** Defaults to node-hid, loaded on first start. */
  hid?: HidModuleSource;
  filter?: HidDeviceFilter;
  retryMs?: number;
  /** Stamps each reading; defaults to the system clock. */
  clock?: Clock;
}

const systemClock: Clock = { now: () => new Date() };

/**
 * A USB scale (usage page 0x8D) read through node-hid. Scales repeat their reading several
 * times a second; listeners hear only changes, and `current()` always has the latest.
 */
export class HidScale implements ScalePort {
  private readonly readings: Listeners<ScaleReading>;
  private readonly statuses: Listeners<DeviceStatus>;
  private readonly link: HidDeviceLink;
  private latest: ScaleReading | null = null;
  // Remembered so a scale that keeps sending garbage is logged once, not five times a second.
  private lastRejection: ScaleRejection | null = null;

  constructor(private readonly options: HidScaleOptions) {
    const listenerFailed = (error: unknown) => options.logger.error('scale listener failed', { error: error instanceof Error ? error.message : String(error) });
    this.readings = new Listeners(listenerFailed);
    this.statuses = new Listeners(listenerFailed);
    this.link = new HidDeviceLink({
      hid: options.hid,
      usagePage: USAGE_PAGE_SCALE,
      filter: options.filter,
      retryMs: options.retryMs,
      logger: options.logger,
      onReport: (report) => this.receive(report),
      onStatus: (status) => {
        // A weight from a scale that is gone must never be used to pass a parcel.
        if (status.state !== 'connected') this.latest = null;
        this.lastRejection = null;
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

  current(): ScaleReading | null {
    return this.latest;
  }

  onReading(listener: (reading: ScaleReading) => void): Unsubscribe {
    return this.readings.add(listener);
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.statuses.add(listener);
  }

  private receive(report: ArrayLike<number>): void {
    const clock = this.options.clock ?? systemClock;
    const parsed = parseScaleReport(report, clock.now().toISOString());
    if (!parsed.ok) {
      if (parsed.reason !== this.lastRejection) {
        this.options.logger.warn('scale report ignored', {
          device: this.link.status().device,
          reason: parsed.reason,
          length: report.length,
        });
      }
      this.lastRejection = parsed.reason;
      return;
    }
    this.lastRejection = null;
    const previous = this.latest;
    this.latest = parsed.reading;
    if (!sameReading(previous, parsed.reading)) this.readings.emit(parsed.reading);
  }
}
