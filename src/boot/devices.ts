import type { Logger, ScalePort, ScannerPort } from '../app/ports';
import { FakeScale } from '../devices/fake/fake-scale';
import { FakeScanner } from '../devices/fake/fake-scanner';
import { HidPosScanner } from '../devices/hid/pos-scanner';
import { HidScale } from '../devices/hid/scale';

export type ScaleKind = 'hid' | 'fake' | 'none';
export const SCALE_KINDS: readonly ScaleKind[] = ['hid', 'fake', 'none'];

export interface StationDevices {
  scanners: ScannerPort[];
  scale: ScalePort | null;
  /** Set only when the scale is the fake one, so a demo or a test can put a parcel on it. */
  fakeScale: FakeScale | null;
  /** Set only with a simulated HID POS scanner, so a test can pass a barcode under it. */
  fakeScanner: FakeScanner | null;
}

/**
 * The devices the core reads itself. HID POS scanners are always looked for (wedge scanners need
 * nothing here), and a simulated one for tests; the scale is the USB one, a fake for demos and
 * tests, or none at all.
 */
export function createDevices(options: { scale: ScaleKind; hidScanner: boolean; fakeScanner?: boolean; logger: Logger }): StationDevices {
  const scanners: ScannerPort[] = options.hidScanner ? [new HidPosScanner({ logger: options.logger })] : [];
  // Read by the core like a HID POS scanner; its scans come from POST /fake/scan instead of a USB device.
  const fakeScanner = options.fakeScanner ? new FakeScanner({ device: 'Simulated HID scanner' }) : null;
  if (fakeScanner) scanners.push(fakeScanner);
  if (options.scale === 'fake') {
    const fakeScale = new FakeScale({ settleMs: 300 });
    return { scanners, scale: fakeScale, fakeScale, fakeScanner };
  }
  return { scanners, scale: options.scale === 'hid' ? new HidScale({ logger: options.logger }) : null, fakeScale: null, fakeScanner };
}
