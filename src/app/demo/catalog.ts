import { gs1CheckDigit } from '../../domain/barcode/gtin';
import type { BoxType } from '../../domain/catalog';
import type { CatalogImport, CatalogProduct } from '../ports/store';
import { BEAUTY, ELECTRONICS, GARDEN, HOME, KITS, type ProductLine } from './product-lines';
import { SeededRandom } from './random';

/** The catalog never changes between runs, so badge-and-barcode walkthroughs stay valid. */
export const DEMO_CATALOG_SEED = 590_2024;

type DemoProduct = CatalogProduct;

/** The catalog plus what order generation needs to know about it. */
export interface DemoShop {
  catalog: Omit<CatalogImport, 'products'> & { products: CatalogProduct[] };
  /** Cheap products that customers order by the fifty or hundred. */
  bulkSkus: string[];
  /** SKU → units in its wholesale case code. */
  caseUnits: Map<string, number>;
}

// Fictitious GS1 company prefixes: Polish (590) brands, a distributor's relabels, US imports.
const EAN_COMPANY = { electronics: '5902914', home: '5907612', garden: '5903548', beauty: '5905871', kits: '5901873' };
const DISTRIBUTOR_COMPANY = '5906655';
const UPC_COMPANIES = ['085621', '071249'] as const;

export const DEMO_BOXES: Omit<BoxType, 'id'>[] = [
  { code: 'F1', name: 'Foliopak A4', tareGrams: 12, lengthMm: 350, widthMm: 250, heightMm: 5 },
  { code: 'B1', name: 'Koperta bąbelkowa C5', tareGrams: 18, lengthMm: 250, widthMm: 180, heightMm: 10 },
  { code: 'K1', name: 'Karton K1 mały 20×15×10', tareGrams: 120, lengthMm: 200, widthMm: 150, heightMm: 100 },
  { code: 'K2', name: 'Karton K2 średni 30×20×15', tareGrams: 210, lengthMm: 300, widthMm: 200, heightMm: 150 },
  { code: 'K3', name: 'Karton K3 duży 40×30×25', tareGrams: 380, lengthMm: 400, widthMm: 300, heightMm: 250 },
  { code: 'K4', name: 'Karton K4 bardzo duży 60×40×40', tareGrams: 850, lengthMm: 600, widthMm: 400, heightMm: 400 },
  { code: 'G1', name: 'Karton gabarytowy 120×60×60 (bez palety)', tareGrams: 2400, lengthMm: 1200, widthMm: 600, heightMm: 600 },
];

/** Appends the GS1 check digit and right-justifies to the 14 digits lookups compare. */
function gtin14(dataDigits: string): string {
  return (dataDigits + String(gs1CheckDigit(dataDigits))).padStart(14, '0');
}

/** The case code of a retail GTIN: indicator digit, the item's digits, a new check digit. */
export function caseCode(retailGtin14: string, indicator: number): string {
  return gtin14(String(indicator) + retailGtin14.slice(1, 13));
}

/** Hands out distinct item references under each company prefix, with believable gaps. */
class BarcodeMint {
  private readonly nextItem = new Map<string, number>();

  constructor(private readonly random: SeededRandom) {}

  /** EAN-13 from a 7-digit company prefix, or UPC-A from a 6-digit one; as GTIN-14. */
  issue(company: string): string {
    const itemDigits = (company.length === 7 ? 12 : 11) - company.length;
    const item = this.nextItem.get(company) ?? this.random.int(100, 4000);
    this.nextItem.set(company, item + this.random.int(1, 17));
    return gtin14(company + String(item).padStart(itemDigits, '0'));
  }
}

function familyCompany(line: ProductLine): string {
  if (ELECTRONICS.includes(line)) return EAN_COMPANY.electronics;
  if (HOME.includes(line)) return EAN_COMPANY.home;
  if (GARDEN.includes(line)) return EAN_COMPANY.garden;
  return EAN_COMPANY.beauty;
}

/** Builds the demo shop's catalog; the same every time. */
export function demoShop(): DemoShop {
  const random = new SeededRandom(DEMO_CATALOG_SEED);
  const mint = new BarcodeMint(random);
  const nextSku = new Map<string, number>();
  const skuFor = (prefix: string): string => {
    const number = nextSku.get(prefix) ?? 1000 + random.int(1, 40);
    nextSku.set(prefix, number + random.int(1, 6));
    return `${prefix}-${number}`;
  };

  const products: DemoProduct[] = [];
  const byLine = new Map<string, DemoProduct[]>();
  const bulkSkus: string[] = [];
  const caseUnits = new Map<string, number>();

  for (const line of [...ELECTRONICS, ...HOME, ...GARDEN, ...BEAUTY]) {
    const variants: DemoProduct[] = [];
    for (const variant of line.variants) {
      const [label, grams] = typeof variant === 'string' ? [variant, line.grams] : variant;
      const sku = skuFor(line.prefix);
      const product: DemoProduct = {
        sku,
        name: label ? `${line.name}, ${label}` : line.name,
        weightGrams: Math.max(1, Math.round(grams * (0.94 + random.next() * 0.12))),
        tracking: line.tracking ?? 'none',
        refuseExpired: line.refuseExpired ?? false,
        returnable: !line.nonReturnable,
        isKit: false,
        fragile: line.fragile ?? false,
        barcodes: [],
      };
      const source = line.barcode ?? 'ean';
      if (source === 'sku') {
        // The shop prints its own labels for goods that come without a GTIN.
        product.barcodes.push({ code: sku, unitsPerScan: 1 });
      } else {
        const retail = mint.issue(source === 'upc' ? random.pick(UPC_COMPANIES) : familyCompany(line));
        product.barcodes.push({ code: retail, unitsPerScan: 1 });
        // Some goods also arrive relabelled by the distributor with its own EAN.
        if (random.chance(0.11)) product.barcodes.push({ code: mint.issue(DISTRIBUTOR_COMPANY), unitsPerScan: 1 });
        if (line.caseOf) {
          product.barcodes.push({ code: caseCode(retail, random.int(1, 8)), unitsPerScan: line.caseOf });
          caseUnits.set(sku, line.caseOf);
        }
      }
      if (line.bulk) bulkSkus.push(sku);
      variants.push(product);
      products.push(product);
    }
    byLine.set(line.key, variants);
  }

  const kits: CatalogImport['kits'] = [];
  for (const kit of KITS) {
    const sku = skuFor('ZS');
    const components = kit.components.map(([key, variant, quantity]) => {
      const component = byLine.get(key)?.[variant];
      if (!component) throw new Error(`demo kit ${kit.name} names a missing product ${key}[${variant}]`);
      return { product: component, quantity };
    });
    const weight = components.reduce((sum, c) => sum + c.product.weightGrams * c.quantity, 0);
    products.push({
      sku,
      name: kit.name,
      // Kits ship in the shop's gift box: about 60 g more than the parts.
      weightGrams: weight + 60,
      tracking: 'none',
      refuseExpired: false,
      returnable: true,
      isKit: true,
      // A gift box holding a cup or a ceramic pot is handled as the cup is.
      fragile: components.some((c) => c.product.fragile),
      barcodes: [{ code: mint.issue(EAN_COMPANY.kits), unitsPerScan: 1 }],
    });
    kits.push({ kitSku: sku, components: components.map((c) => ({ sku: c.product.sku, quantity: c.quantity })) });
  }

  return { catalog: { products, kits, boxes: DEMO_BOXES.map((box) => ({ ...box })) }, bulkSkus, caseUnits };
}

/** The demo catalog: about 230 products of a Polish home, garden, gadget and beauty shop. */
export function demoCatalog(): DemoShop['catalog'] {
  return demoShop().catalog;
}
