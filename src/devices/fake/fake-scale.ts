import type { Clock } from '../../app/ports';
import type { DeviceStatus, ScalePort, ScaleReading, ScaleStatus, Unsubscribe } from '../../app/ports/devices';
import { Listeners } from '../listeners';

export interface FakeScaleOptions {
  device?: string;
  /** Time from a parcel landing on the plate to a stable reading; 0 settles at once. */
  settleMs?: number;
  clock?: Clock;
}

const systemClock: Clock = { now: () => new Date() };

function rethrow(error: unknown): never {
  throw error;
}

/** The same rule as a real scale: a weight counts only while weighing normally. */
function readingOf(status: ScaleStatus, grams: number, at: string): ScaleReading {
  const weighing = status === 'zero' || status === 'in_motion' || status === 'stable';
  return {
    status,
    grams: status === 'zero' ? 0 : weighing ? grams : null,
    stable: status === 'stable' || status === 'zero',
    raw: { unit: 'g', value: grams },
    at,
  };
}

/** How far the plate wobbles while a parcel settles: about 2 %, at least a gram. */
function wobble(grams: number): number {
  return Math.max(1, Math.round(Math.abs(grams) * 0.02));
}

/**
 * A scale for tests and the demo. `setWeight` plays a parcel being put down: two in-motion
 * readings around the weight, then a stable one after `settleMs`, as a real scale does.
 */
export class FakeScale implements ScalePort {
  private readonly readings = new Listeners<ScaleReading>(rethrow);
  private readonly statuses = new Listeners<DeviceStatus>(rethrow);
  private currentStatus: DeviceStatus = { state: 'disconnected', device: null, message: null };
  private latest: ScaleReading | null = null;
  private grams = 0;
  private settling: ReturnType<typeof setTimeout>[] = [];
  private readonly device: string;
  private readonly settleMs: number;
  private readonly clock: Clock;

  constructor(options: FakeScaleOptions = {}) {
    this.device = options.device ?? 'Fake scale';
    this.settleMs = options.settleMs ?? 400;
    this.clock = options.clock ?? systemClock;
  }

  start(): void {
    if (this.currentStatus.state === 'connected') return;
    this.setDeviceStatus({ state: 'connected', device: this.device, message: null });
    this.report(this.grams === 0 ? 'zero' : 'stable');
  }

  stop(): void {
    this.cancelSettling();
    this.latest = null;
    this.setDeviceStatus({ state: 'disconnected', device: null, message: null });
  }

  /** Simulates the cable being pulled; `start()` plugs it back in. */
  disconnect(message = 'unplugged'): void {
    this.cancelSettling();
    this.latest = null;
    this.setDeviceStatus({ state: 'disconnected', device: this.device, message });
  }

  /** Puts `grams` on the plate (0 empties it, below 0 reads as under zero). */
  setWeight(grams: number): void {
    this.cancelSettling();
    this.grams = grams;
    if (grams < 0) {
      this.report('under_zero');
      return;
    }
    const settled: ScaleStatus = grams === 0 ? 'zero' : 'stable';
    if (this.settleMs <= 0) {
      this.report(settled);
      return;
    }
    const w = wobble(grams);
    this.report('in_motion', grams + w);
    this.later(this.settleMs / 2, () => this.report('in_motion', Math.max(0, grams - w / 2)));
    this.later(this.settleMs, () => this.report(settled));
  }

  /** Forces a scale condition such as 'overweight' or 'needs_rezero' at the current weight. */
  setStatus(status: ScaleStatus): void {
    this.cancelSettling();
    this.report(status);
  }

  current(): ScaleReading | null {
    return this.latest;
  }

  status(): DeviceStatus {
    return this.currentStatus;
  }

  onReading(listener: (reading: ScaleReading) => void): Unsubscribe {
    return this.readings.add(listener);
  }

  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe {
    return this.statuses.add(listener);
  }

  private report(status: ScaleStatus, grams = this.grams): void {
    if (this.currentStatus.state !== 'connected') return;
    this.latest = readingOf(status, grams, this.clock.now().toISOString());
    this.readings.emit(this.latest);
  }

  private later(ms: number, step: () => void): void {
    const timer = setTimeout(() => {
      this.settling = this.settling.filter((t) => t !== timer);
      step();
    }, ms);
    this.settling.push(timer);
  }

  private cancelSettling(): void {
    for (const timer of this.settling) clearTimeout(timer);
    this.settling = [];
  }

  private setDeviceStatus(status: DeviceStatus): void {
    this.currentStatus = status;
    this.statuses.emit(status);
  }
}
