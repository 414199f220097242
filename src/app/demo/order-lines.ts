import type { NewOrder } from '../ports/store';
import type { DemoShop } from './catalog';
import { weighted, type SeededRandom } from './random';

export type DemoLine = NewOrder['lines'][number];

/** The catalog sorted into the shelves order lines are drawn from. */
export interface Shelves {
  /** Every product that is not a kit. */
  single: string[];
  kits: string[];
  serial: string[];
  lot: string[];
  expiring: string[];
  bulk: string[];
  /** SKUs whose case code holds 6 units, and 12. */
  sixPacks: string[];
  dozens: string[];
  nonReturnable: string[];
  skuLabelled: string[];
}

export function shelvesOf(shop: DemoShop): Shelves {
  const products = shop.catalog.products;
  const skus = (keep: (p: (typeof products)[number]) => boolean) => products.filter(keep).map((p) => p.sku);
  const withCase = (units: number) => [...shop.caseUnits].filter(([, n]) => n === units).map(([sku]) => sku);
  return {
    single: skus((p) => !p.isKit),
    kits: skus((p) => p.isKit),
    serial: skus((p) => p.tracking === 'serial'),
    lot: skus((p) => p.tracking === 'lot'),
    expiring: skus((p) => p.refuseExpired),
    bulk: [...shop.bulkSkus],
    sixPacks: withCase(6),
    dozens: withCase(12),
    nonReturnable: skus((p) => !p.returnable),
    skuLabelled: skus((p) => p.barcodes.some((b) => b.code === p.sku)),
  };
}

const LINE_COUNTS: readonly (readonly [number, () => [number, number]])[] = [
  [0.45, () => [1, 1]],
  [0.2, () => [2, 2]],
  [0.12, () => [3, 3]],
  [0.09, () => [4, 4]],
  [0.06, () => [5, 7]],
  [0.075, () => [8, 15]],
  [0.005, () => [40, 60]],
];

/** Draws order lines: one SKU at most once per order, quantities as people really order. */
export class LinePicker {
  private readonly serial: Set<string>;
  private readonly bulk: Set<string>;
  private readonly caseUnits: Map<string, number>;
  constructor(
    readonly shelves: Shelves,
    private readonly random: SeededRandom,
    shop: DemoShop,
  ) {
    this.serial = new Set(shelves.serial);
    this.bulk = new Set(shelves.bulk);
    this.caseUnits = shop.caseUnits;
  }

  /** How many lines the next ordinary order gets: mostly one to four, now and then a wholesale list. */
  lineCount(): number {
    const [min, max] = weighted(this.random, LINE_COUNTS)();
    return this.random.int(min, max);
  }

  /** Distinct random lines; kits now and then, quantities drawn per product. */
  draw(count: number, taken: Set<string> = new Set()): DemoLine[] {
    if (count + taken.size > this.shelves.single.length) throw new RangeError(`no ${count} distinct products to draw`);
    // Sized up front: an array grown by push reserves room for 17 lines, and most orders have one.
    const lines = new Array<DemoLine>(count);
    for (let made = 0; made < count;) {
      const shelf = this.random.chance(0.06) ? this.shelves.kits : this.shelves.single;
      const sku = this.random.pick(shelf);
      if (taken.has(sku)) continue;
      taken.add(sku);
      lines[made++] = { sku, quantity: this.quantityOf(sku) };
    }
    return lines;
  }

  /** One line of a product from a given shelf, not already in the order. */
  from(shelf: readonly string[], quantity: number | null, taken: Set<string>): DemoLine {
    const free = shelf.filter((sku) => !taken.has(sku));
    const sku = this.random.pick(free);
    taken.add(sku);
    return { sku, quantity: quantity ?? this.quantityOf(sku) };
  }

  private quantityOf(sku: string): number {
    const random = this.random;
    // Every serial unit is a scan and a record, so nobody orders them by the dozen.
    if (this.serial.has(sku)) return random.chance(0.9) ? 1 : 2;
    const units = this.caseUnits.get(sku);
    if (units !== undefined && random.chance(0.04)) return units * random.int(1, 2);
    if (this.bulk.has(sku) && random.chance(0.05)) return 10 * random.int(5, 10);
    const roll = random.next();
    if (roll < 0.78) return 1;
    if (roll < 0.91) return 2;
    if (roll < 0.95) return 3;
    return random.int(4, 5);
  }
}
