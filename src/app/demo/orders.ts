import type { OrderStatus } from '../../domain/order';
import type { NewOrder } from '../ports/store';
import { demoShop } from './catalog';
import { CustomerBook, type DemoCustomer } from './customers';
import { LinePicker, shelvesOf } from './order-lines';
import { weighted, SeededRandom } from './random';
import { SHOWCASES, type ShowcaseOrder } from './showcase';

export const DEMO_ORDER_SEED = 20_240_917;
export const FIRST_ORDER_NUMBER = 100_001;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
// Showcase orders sit every third place from the second, so even a 50-order demo holds them all.
const SHOWCASE_START = 1;
const SHOWCASE_STRIDE = 3;

type Carrier = readonly [code: string, services: readonly string[]];

const CARRIERS_BY_COUNTRY: Record<string, readonly (readonly [number, Carrier])[]> = {
  PL: [
    [45, ['inpost', ['locker_standard', 'locker_standard', 'courier_standard']]],
    [15, ['dpd', ['classic', 'classic', 'pickup']]],
    [12, ['dhl', ['parcel', 'servicepoint']]],
    [5, ['ups', ['standard']]],
    [13, ['pocztex', ['kurier48', 'kurier48', 'ekspres24']]],
  ],
  DE: [
    [50, ['dhl', ['paket']]],
    [30, ['dpd', ['classic']]],
    [20, ['ups', ['standard', 'express_saver']]],
  ],
  CZ: [
    [50, ['dpd', ['classic']]],
    [25, ['ups', ['standard']]],
    [25, ['dhl', ['parcel_connect']]],
  ],
};
// Wholesale orders go on a pallet-capable courier, never into a parcel locker.
const BUSINESS_CARRIERS: readonly Carrier[] = [
  ['dpd', ['classic']],
  ['ups', ['standard']],
  ['dhl', ['parcel']],
];

const STATUSES: readonly (readonly [number, OrderStatus])[] = [
  [0.05, 'cancelled'],
  [0.03, 'on_hold'],
  [0.1, 'shipped'],
  [0.82, 'ready'],
];
const NOT_PACKABLE: readonly OrderStatus[] = ['cancelled', 'on_hold', 'shipped'];

export interface DemoOrderOptions {
  seed?: number;
  /** Orders are spread over the seven days before this moment. */
  now: Date;
}

/**
 * The demo shop's last week of orders, numbered PD-100001 upwards from the oldest. The same
 * seed and `now` give the same orders. Cheap per order: 100,000 take well under two seconds.
 */
export function demoOrders(count: number, options: DemoOrderOptions): NewOrder[] {
  const random = new SeededRandom(options.seed ?? DEMO_ORDER_SEED);
  const shop = demoShop();
  const picker = new LinePicker(shelvesOf(shop), random, shop);
  const customers = new CustomerBook(random);
  const end = options.now.getTime();
  const slot = WEEK_MS / Math.max(count, 1);
  const start = end - WEEK_MS;
  const orders: NewOrder[] = [];

  for (let i = 0; i < count; i++) {
    const showcase = showcaseAt(i);
    const createdAt = new Date(Math.floor(start + (i + random.next()) * slot)).toISOString();
    const number = `PD-${FIRST_ORDER_NUMBER + i}`;
    const externalId = String(4_100_000 + i * 7 + random.int(0, 6));
    if (showcase) {
      const made = showcase(picker, customers);
      orders.push(orderFrom(made, { number, externalId, createdAt, status: 'ready' }, random));
      continue;
    }
    const lineCount = picker.lineCount();
    const wholesale = lineCount >= 40;
    const country = customers.pickCountry();
    const customer = wholesale ? customers.business(country) : customers.person(country);
    const made: ShowcaseOrder = { customer, lines: picker.draw(lineCount) };
    if (wholesale) made.carrier = pickService(random, random.pick(BUSINESS_CARRIERS));
    if (random.chance(0.08)) made.note = random.pick(country.people.notes);
    orders.push(orderFrom(made, { number, externalId, createdAt, status: weighted(random, STATUSES) }, random));
  }

  showEveryStatus(orders);
  return orders;
}

function showcaseAt(index: number): (typeof SHOWCASES)[number] | undefined {
  const offset = index - SHOWCASE_START;
  if (offset < 0 || offset % SHOWCASE_STRIDE !== 0) return undefined;
  return SHOWCASES[offset / SHOWCASE_STRIDE];
}

function pickService(random: SeededRandom, [code, services]: Carrier): readonly [string, string] {
  return [code, random.pick(services)];
}

function carrierFor(random: SeededRandom, customer: DemoCustomer): readonly [string, string] {
  const table = CARRIERS_BY_COUNTRY[customer.shipTo.country] ?? CARRIERS_BY_COUNTRY.PL;
  if (!table) throw new RangeError('no demo carriers');
  return pickService(random, weighted(random, table));
}

function orderFrom(made: ShowcaseOrder, fixed: Pick<NewOrder, 'number' | 'externalId' | 'createdAt' | 'status'>, random: SeededRandom): NewOrder {
  const [carrierCode, service] = made.carrier ?? carrierFor(random, made.customer);
  return {
    number: fixed.number,
    externalId: fixed.externalId,
    status: fixed.status,
    customerName: made.customer.customerName,
    shipTo: made.customer.shipTo,
    carrierCode,
    service,
    note: made.note ?? null,
    createdAt: fixed.createdAt,
    lines: made.lines.map((line) => ({ ...line, unitPrice: demoUnitPrice(line.sku) })),
  };
}

/** What the demo shop charges for a unit of a SKU, tax included: the same price every time, 9.99 to 399.99 PLN. */
export function demoUnitPrice(sku: string): { minor: number; currency: string } {
  let hash = 0;
  for (const char of sku) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { minor: (10 + (hash % 391)) * 100 - 1, currency: 'PLN' };
}

/**
 * A small demo could miss a rare state by chance; the queue must show the packer each refusal,
 * so the oldest ordinary orders take any state that did not come up.
 */
function showEveryStatus(orders: NewOrder[]): void {
  const present = new Set(orders.map((o) => o.status));
  let index = 0;
  for (const status of NOT_PACKABLE) {
    if (present.has(status)) continue;
    while (index < orders.length && (showcaseAt(index) || orders[index]?.status !== 'ready')) index++;
    const order = orders[index];
    if (!order) return;
    order.status = status;
    index++;
  }
}
