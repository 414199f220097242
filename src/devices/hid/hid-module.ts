/**
 * The part of node-hid the device adapters use, as an interface: tests drive the adapters
 * with a fake module that replays recorded reports, and the real one is loaded only on demand.
 */

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
  manufacturer?: string | undefined;
  serialNumber?: string | undefined;
  usagePage?: number | undefined;
  usage?: number | undefined;
}

/** An open device. Mirrors node-hid's HIDAsync: reading starts when a 'data' listener is added. */
export interface HidConnection {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  /** The first byte is the report id. */
  sendFeatureReport(data: number[]): Promise<number>;
  close(): Promise<void>;
}

export interface HidModule {
  devices(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidConnection>;
}

/** The subset of node-hid's exports this file calls. */
interface NodeHidExports {
  devicesAsync(): Promise<HidDeviceInfo[]>;
  HIDAsync: { open(path: string): Promise<HidConnection> };
}

/**
 * Loads node-hid the first time a HID device is wanted, so a station without HID devices (and
 * every test) never loads the native module. The async API keeps reads off the main thread.
 */
export async function loadNodeHid(): Promise<HidModule> {
  const imported = (await import('node-hid')) as unknown as NodeHidExports & { default?: NodeHidExports };
  const hid = imported.default ?? imported;
  return {
    devices: () => hid.devicesAsync(),
    open: (path) => hid.HIDAsync.open(path),
  };
}
