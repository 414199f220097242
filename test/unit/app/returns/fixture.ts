/**
 * The returns tests' one desk: Anna packs an order (two mugs, a phone with SN-500) at ST-01 and
 * Rita, a returns handler, badges in at ST-03, a Polish returns desk. Each test file takes it
 * from here instead of building the same station again.
 */
import { afterEach } from 'vitest';
import { defaultPrinterProfiles } from '../../../../src/app/stations';
import { hashPin } from '../../../../src/app/pin';
import type { NewOrder } from '../../../../src/app/ports';
import type { Result } from '../../../../src/contract/errors';
import { CODES, createStationFixture, typedCall, type StationFixture, type StationFixtureOptions } from '../../../support/station-fixture';

export const DESK = { stationId: 'ST-03' };

let current: StationFixture | null = null;
afterEach(() => {
  current?.close();
  current = null;
});

/** The value of a call, or a thrown error that says the code, the message and any error the station logged. */
export async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) {
    const logged = current?.logs.filter((l) => l.level === 'error') ?? [];
    throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.params ?? {})} ${JSON.stringify(logged)}`);
  }
  return result.value;
}

export interface DeskOptions extends StationFixtureOptions {
  /** The packed order's number; PD-200001 unless said. */
  orderNumber?: string;
  externalId?: string | null;
  email?: string | null;
  /** The desk's printers as a station gets them by default (needs pdfFolder). */
  printers?: boolean;
  /** Give the lines the prices the shop charged: a mug 49.99 PLN, the phone 1,299.00 PLN. */
  prices?: boolean;
  /** Runs after the order is inserted and before it is packed (links it to a shop, say). */
  beforePacking?: (fx: StationFixture) => void;
}

export type Desk = Awaited<ReturnType<typeof shippedAndAtTheDesk>>;

/** A station where Anna packed the order and Rita is logged in at the returns desk ST-03. */
export async function shippedAndAtTheDesk(options: DeskOptions = {}) {
  const { orderNumber = 'PD-200001', externalId = null, email = null, printers = false, prices = false, beforePacking, ...stationOptions } = options;
  const fx = createStationFixture(stationOptions);
  current = fx;
  fx.store.stations.upsert({ id: 'ST-03', name: 'Zwroty', language: 'pl', idleLogoutMinutes: 15, kind: 'returns' });
  if (printers) for (const profile of defaultPrinterProfiles('ST-03')) fx.documents.profiles.set(profile);
  fx.store.users.insert({ name: 'Rita Returns', role: 'returns', badgeCode: 'PD-R-0001', pinHash: hashPin('1111'), language: null });
  const order: NewOrder = {
    number: orderNumber,
    externalId,
    status: 'ready',
    customerName: 'Grażyna Wróbel',
    shipTo: { name: 'Grażyna Wróbel', company: null, street: 'ul. Polna 1', city: 'Gdańsk', postcode: '80-001', country: 'PL', phone: null, email },
    carrierCode: 'inpost',
    service: 'locker',
    note: null,
    createdAt: '2026-11-19T12:00:00Z',
    lines: [
      { sku: 'MUG-01', quantity: 2, ...(prices ? { unitPrice: { minor: 4999, currency: 'PLN' } } : {}) },
      { sku: 'PHONE-01', quantity: 1, ...(prices ? { unitPrice: { minor: 129900, currency: 'PLN' } } : {}) },
    ],
  };
  fx.store.orders.insertMany([order]);
  beforePacking?.(fx);
  const call = typedCall(fx.station);
  const scan = (data: string, at?: { stationId: string }) => call('scan.submit', { data, symbology: null, source: 'wedge' }, at);
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(call('settings.packing', { requireWeight: false }));
  await ok(scan('PD-P-0001'));
  await ok(scan(orderNumber));
  for (const code of [CODES.mug, CODES.mug, CODES.phone, 'SN-500', 'BOX-K1']) await ok(scan(code));
  await ok(call('pack.complete', {}));
  await ok(scan('PD-R-0001', DESK));
  return { fx, call, scan, orderNumber };
}

/** The desk above with a withdrawal opened and graded: a mug damaged in transit, the phone unopened and restocked. */
export async function gradedReturn(options: DeskOptions = {}) {
  const desk = await shippedAndAtTheDesk(options);
  const { call, orderNumber } = desk;
  const { number } = await ok(call('returns.open', { orderNumber, type: 'withdrawal' }, DESK));
  const mug = await ok(call('returns.item.scan', { number, code: CODES.mug }, DESK));
  await ok(call('returns.item.grade', { number, itemId: mug.itemId, condition: 'damaged', reasonCode: 'damaged_in_transit' }, DESK));
  const phone = await ok(call('returns.item.scan', { number, code: CODES.phone, serial: 'SN-500' }, DESK));
  await ok(call('returns.item.grade', { number, itemId: phone.itemId, condition: 'unopened', disposition: 'restock' }, DESK));
  return { ...desk, number, items: { mug: mug.itemId, phone: phone.itemId } };
}
