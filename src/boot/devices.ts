import type { Logger, ScalePort, ScannerPort } from '../app/ports';
import { FakeScale } from '../devices/fake/fake-scale';
import { HidPosScanner } from '../devices/hid/pos-scanner';
import { HidScale } from '../devices/hid/scale';

export type ScaleKind = 'hid' | 'fake' | 'none';
export const SCALE_KINDS: readonly ScaleKind[] = ['hid', 'fake', 'none'];

export interface StationDevices {
  scanners: ScannerPort[];
  scale: ScalePort | null;
  /** Set only when the scale is the fake one, so a demo or a test can put a parcel on it. */
  fakeScale: FakeScale | null;
}

/**
 * The devices the core reads itself. HID POS scanners are always looked for (wedge scanners need
 * nothing here); the scale is the USB one, a fake for demos and tests, or none at all.
 */
export function createDevices(options: { scale: ScaleKind; hidScanner: boolean; logger: Logger }): StationDevices {
  const scanners: ScannerPort[] = options.hidScanner ? [new HidPosScanner({ logger: options.logger })] : [];
  if (options.scale === 'fake') {
    const fakeScale = new FakeScale({ settleMs: 300 });
    return { scanners, scale: fakeScale, fakeScale };
  }
  return { scanners, scale: options.scale === 'hid' ? new HidScale({ logger: options.logger }) : null, fakeScale: null };
}
