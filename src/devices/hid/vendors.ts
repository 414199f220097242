import type { HidDeviceInfo } from './hid-module';

/** HID usage pages of the USB-IF Point of Sale usage tables. */
export const USAGE_PAGE_BARCODE_SCANNER = 0x8c;
export const USAGE_PAGE_SCALE = 0x8d;
/** Usage 0x02 on the scanner page: the barcode scanner collection itself. */
export const USAGE_BARCODE_SCANNER = 0x02;

export const VENDOR_SYMBOL_ZEBRA = 0x05e0;
export const VENDOR_HONEYWELL = 0x0c2e;
export const VENDOR_DATALOGIC = 0x05f9;
export const VENDOR_DYMO = 0x0922;
export const VENDOR_METTLER_TOLEDO = 0x0eb8;

const VENDOR_NAMES: Record<number, string> = {
  [VENDOR_SYMBOL_ZEBRA]: 'Zebra',
  [VENDOR_HONEYWELL]: 'Honeywell',
  [VENDOR_DATALOGIC]: 'Datalogic',
  [VENDOR_DYMO]: 'Dymo',
  [VENDOR_METTLER_TOLEDO]: 'Mettler Toledo',
};

/** Restricts discovery to one make or model when a station has several HID devices. */
export interface HidDeviceFilter {
  vendorId?: number;
  productId?: number;
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

/** "Honeywell Xenon 1950g (0c2e:0b87)": what a supervisor sees in the device status. */
export function describeHidDevice(device: HidDeviceInfo): string {
  const maker = device.manufacturer?.trim() || VENDOR_NAMES[device.vendorId] || 'HID device';
  const product = device.product?.trim();
  const name = product ? (product.toLowerCase().startsWith(maker.toLowerCase()) ? product : `${maker} ${product}`) : maker;
  return `${name} (${hex4(device.vendorId)}:${hex4(device.productId)})`;
}
