import type { CustomerBook, DemoCustomer } from './customers';
import type { DemoLine, LinePicker } from './order-lines';

/** An order written to show one thing the station must handle, whatever the demo's size. */
export interface ShowcaseOrder {
  customer: DemoCustomer;
  lines: DemoLine[];
  carrier?: readonly [code: string, service: string];
  note?: string;
}

type Showcase = (picker: LinePicker, customers: CustomerBook) => ShowcaseOrder;

function build(picker: LinePicker, customer: DemoCustomer, parts: (taken: Set<string>) => DemoLine[]): ShowcaseOrder {
  return { customer, lines: parts(new Set()) };
}

export const SHOWCASES: readonly Showcase[] = [
  // A kit: the packer scans its components (or its own barcode when pre-assembled).
  (p, c) => build(p, c.person(), (t) => [p.from(p.shelves.kits, 1, t), ...p.draw(1, t)]),
  // Serial numbers: one scan and one serial per unit.
  (p, c) => build(p, c.person(), (t) => [p.from(p.shelves.serial, 2, t), p.from(p.shelves.serial, 1, t)]),
  // Lots, one of them refused when expired.
  (p, c) => build(p, c.person(), (t) => [p.from(p.shelves.expiring, 1, t), p.from(p.shelves.lot, 3, t)]),
  // Whole cases: one scan of the GTIN-14 counts 12 (or 6).
  (p, c) => build(p, c.person(), (t) => [p.from(p.shelves.dozens, 12, t), p.from(p.shelves.sixPacks, 6, t)]),
  // Bulk: scan once and type the quantity.
  (p, c) => build(p, c.business(), (t) => [p.from(p.shelves.bulk, 60, t), ...p.draw(1, t)]),
  // A wholesale order of more than forty lines.
  (p, c) => ({ ...build(p, c.business(), (t) => p.draw(45, t)), carrier: ['dpd', 'classic'] }),
  // An address too long for one label line.
  (p, c) => ({
    ...build(p, c.longAddress(), (t) => p.draw(2, t)),
    carrier: ['dhl', 'parcel'],
    note: 'Proszę o kontakt telefoniczny przed dostawą – wejście od podwórza, domofon nie zawsze działa.',
  }),
  // Across the border, with German spelling on the label.
  (p, c) => ({ ...build(p, c.person(c.country('DE')), (t) => p.draw(2, t)), carrier: ['dhl', 'paket'] }),
  (p, c) => ({ ...build(p, c.person(c.country('CZ')), (t) => p.draw(1, t)), carrier: ['dpd', 'classic'] }),
  // Many lines for one parcel or several.
  (p, c) => build(p, c.person(), (t) => p.draw(12, t)),
  // Hygiene goods that cannot be returned.
  (p, c) => build(p, c.person(), (t) => [p.from(p.shelves.nonReturnable, 1, t), p.from(p.shelves.nonReturnable, 2, t)]),
  // Goods without a GTIN, scanned by the shop's own SKU labels.
  (p, c) => build(p, c.person(), (t) => [p.from(p.shelves.skuLabelled, 1, t), p.from(p.shelves.skuLabelled, 2, t)]),
];
