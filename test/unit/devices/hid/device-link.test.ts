import { describe, it, expect, afterEach } from 'vitest';
import type { DeviceStatus } from '../../../../src/app/ports/devices';
import { HidDeviceLink } from '../../../../src/devices/hid/device-link';
import type { HidDeviceInfo } from '../../../../src/devices/hid/hid-module';
import { describeHidDevice } from '../../../../src/devices/hid/vendors';
import { FakeHidModule, recordingLogger } from './fake-hid';

const links: HidDeviceLink[] = [];
afterEach(() => {
  for (const link of links.splice(0)) link.stop();
});

async function chosenPath(devices: HidDeviceInfo[], filter?: { vendorId?: number; productId?: number }) {
  const hid = new FakeHidModule(devices);
  const statuses: DeviceStatus[] = [];
  const link = new HidDeviceLink({
    hid,
    usagePage: 0x8c,
    usage: 0x02,
    filter,
    logger: recordingLogger(),
    onReport: () => {},
    onStatus: (s) => statuses.push(s),
  });
  links.push(link);
  link.start();
  await new Promise((resolve) => setTimeout(resolve, 0));
  return hid.opened[0]?.info.path ?? null;
}

const scanner = (path: string, vendorId: number, productId: number, page?: number, usage?: number): HidDeviceInfo => ({
  path,
  vendorId,
  productId,
  usagePage: page,
  usage,
});

describe('HidDeviceLink discovery', () => {
  it('needs the usage as well as the usage page', async () => {
    const devices = [scanner('a', 0x05e0, 1, 0x8c, 0x04), scanner('b', 0x05e0, 2, 0x8c, 0x02)];
    expect(await chosenPath(devices)).toBe('b');
  });

  it('filters by product id', async () => {
    const devices = [scanner('a', 0x0c2e, 1, 0x8c, 0x02), scanner('b', 0x0c2e, 2, 0x8c, 0x02)];
    expect(await chosenPath(devices, { vendorId: 0x0c2e, productId: 2 })).toBe('b');
  });

  it('accepts a device without usage information only when the station named its vendor', async () => {
    const unknownPage = [scanner('a', 0x0c2e, 1)];
    expect(await chosenPath(unknownPage)).toBeNull();
    expect(await chosenPath(unknownPage, { vendorId: 0x0c2e })).toBe('a');
  });

  it('skips devices without a path', async () => {
    expect(await chosenPath([{ vendorId: 0x0c2e, productId: 1, usagePage: 0x8c, usage: 2 }])).toBeNull();
  });
});

describe('describeHidDevice', () => {
  it('names the maker once, falling back to known vendor ids', () => {
    expect(describeHidDevice({ vendorId: 0x0922, productId: 0x8003, manufacturer: 'DYMO', product: 'DYMO M10' })).toBe('DYMO M10 (0922:8003)');
    expect(describeHidDevice({ vendorId: 0x0eb8, productId: 0xf000 })).toBe('Mettler Toledo (0eb8:f000)');
    expect(describeHidDevice({ vendorId: 0x1234, productId: 0x1, product: ' Scanner ' })).toBe('HID device Scanner (1234:0001)');
  });
});
