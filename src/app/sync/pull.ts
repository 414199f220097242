import type { BackendKind, SyncProgress } from '../../contract/sync';
import type { ImportedProduct, NewOrder, Store } from '../ports';
import type { RemoteOrder, RemoteProduct, ShopBackend, SyncOrderLinks, SyncSettingsRepository } from '../ports/backend';
import { applyRemoteChange, type ChangeDeps } from './changes';

export interface PullDeps extends ChangeDeps {
  store: Store;
  links: SyncOrderLinks;
  settings: SyncSettingsRepository;
  backend: ShopBackend;
  /** Where the orders' cursor is kept (default `<backend>:orders`; an attached station keeps central's apart). */
  cursorName?: string;
  onProgress?: (progress: SyncProgress) => void;
}

export interface PullResult {
  products: number;
  orders: number;
  changed: number;
  cancelled: number;
  /** Orders the station could not take, with the reason (an unknown SKU, a number in use). */
  skipped: { number: string; reason: string }[];
}

/**
 * Codes go to the catalogue as the shop sent them: it keeps GTINs as GTIN-14, the way scans are
 * matched, and an 8-digit code that can be EAN-8 or UPC-E under both readings. What the shop does
 * not say (tracking, expired lots, returns; the weight or fragility where it keeps none) is left
 * out, so the product keeps what the station's own import set.
 */
export function toCatalogProduct(product: RemoteProduct): ImportedProduct {
  const codes = product.barcodes.length > 0 ? product.barcodes : [product.sku];
  const unique = [...new Set(codes)];
  const said = <K extends keyof RemoteProduct>(key: K) => (product[key] === undefined ? {} : { [key]: product[key] });
  return {
    sku: product.sku,
    name: product.name,
    ...said('weightGrams'),
    ...said('tracking'),
    ...said('refuseExpired'),
    ...said('returnable'),
    ...said('fragile'),
    barcodes: unique.map((code) => ({ code, unitsPerScan: 1 })),
  };
}

export function toNewOrder(remote: RemoteOrder): NewOrder {
  return {
    number: remote.number,
    externalId: remote.externalId,
    status: remote.status === 'on_hold' || remote.status === 'cancelled' ? remote.status : 'ready',
    customerName: remote.customerName,
    shipTo: remote.shipTo,
    carrierCode: remote.carrierCode,
    service: remote.service,
    ...(remote.delivery ? { delivery: remote.delivery } : {}),
    note: remote.note,
    createdAt: remote.createdAt,
    lines: remote.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice ?? null })),
  };
}

/** Products first (orders name their SKUs), then new orders page by page, each page's cursor saved with it. */
export async function pullFromShop(deps: PullDeps): Promise<PullResult> {
  const result: PullResult = { products: 0, orders: 0, changed: 0, cancelled: 0, skipped: [] };
  const kind = deps.backend.kind;
  let cursor: string | null = null;
  do {
    const page = await deps.backend.pullProducts(cursor);
    if (page.items.length > 0) deps.store.catalog.importCatalog({ products: page.items.map(toCatalogProduct), kits: [], boxes: [] });
    result.products += page.items.length;
    deps.onProgress?.({ phase: 'products', done: result.products, total: page.total });
    cursor = page.cursor;
    if (!page.more) break;
  } while (cursor !== null);

  const seenNow = new Set<string>();
  const cursorName = deps.cursorName ?? `${kind}:orders`;
  cursor = deps.settings.cursor(cursorName);
  for (;;) {
    const page = await deps.backend.pullOrders(cursor);
    deps.store.transaction(() => {
      // Products before the orders that name them: all of them when they are the shop's current records (central's feed).
      const products = (page.products ?? []).filter((p) => page.productsAreCurrent === true || deps.store.catalog.productBySku(p.sku) === null);
      if (products.length > 0) deps.store.catalog.importCatalog({ products: products.map(toCatalogProduct), kits: [], boxes: [] });
      result.products += products.length;
      for (const remote of page.items) {
        seenNow.add(remote.externalId);
        const localId = deps.links.localId(kind, remote.externalId);
        if (localId !== null) {
          const change = applyRemoteChange(deps, localId, remote);
          if (change !== 'none') result.changed += 1;
          if (change === 'cancelled') result.cancelled += 1;
        } else if (remote.status === 'ready' || remote.status === 'on_hold') {
          const skipped = insertOrder(deps, kind, remote);
          if (skipped) result.skipped.push({ number: remote.number, reason: skipped });
          else result.orders += 1;
        }
      }
      if (page.cursor !== null) deps.settings.saveCursor(cursorName, page.cursor);
    });
    deps.onProgress?.({ phase: 'orders', done: result.orders + result.changed, total: page.total });
    if (!page.more || (page.items.length === 0 && (page.products ?? []).length === 0)) break;
    cursor = page.cursor;
  }

  // Orders pulled earlier may have been cancelled, held or changed since; ask for them by id.
  const open = deps.links.openExternalIds(kind, 10_000).filter((id) => !seenNow.has(id));
  for (let i = 0; i < open.length; i += 100) {
    const current = await deps.backend.ordersById(open.slice(i, i + 100));
    deps.store.transaction(() => {
      for (const remote of current) {
        const localId = deps.links.localId(kind, remote.externalId);
        if (localId === null) continue;
        const change = applyRemoteChange(deps, localId, remote);
        if (change !== 'none') result.changed += 1;
        if (change === 'cancelled') result.cancelled += 1;
      }
    });
    deps.onProgress?.({ phase: 'changes', done: Math.min(open.length, i + 100), total: open.length });
  }
  return result;
}

/** One order with its links; insertMany refuses a bad order whole (a savepoint), so it never stops the page. */
function insertOrder(deps: PullDeps, kind: BackendKind, remote: RemoteOrder): string | null {
  const existing = deps.store.orders.byNumber(remote.number);
  if (existing) return `order number ${remote.number} is already used by another order at the station`;
  try {
    deps.store.transaction(() => {
      deps.store.orders.insertMany([toNewOrder(remote)]);
      const order = deps.store.orders.byNumber(remote.number)!;
      const lines = order.lines.map((line, i) => ({ orderLineId: line.id, externalLineId: remote.lines[i]!.externalLineId }));
      deps.links.link(order.id, kind, remote.externalId, lines, deps.clock.now().toISOString());
    });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
