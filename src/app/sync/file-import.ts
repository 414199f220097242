import { StationFailure } from '../../contract/errors';
import type { CatalogImport, Clock, Store } from '../ports';
import type { RemoteOrder, SyncOrderLinks } from '../ports/backend';
import { toNewOrder } from './pull';

export interface ImportReport {
  imported: number;
  /** Every refused row by its line in the file, so the sender can fix exactly those. */
  errors: { line: number; message: string }[];
}

/** Products already checked row by row go in as one batch (a product with a new name or barcode is updated). */
export function importProducts(store: Store, products: CatalogImport['products'], rowErrors: ImportReport['errors']): ImportReport {
  if (products.length > 0) store.catalog.importCatalog({ products, kits: [], boxes: [] });
  return { imported: products.length, errors: rowErrors };
}

/**
 * Orders one by one, so one order naming an unknown SKU or a number already taken is reported
 * by its lines and the others still go in. Each is linked to the "file" backend by its number,
 * so its shipment is written to the export file by the outbox.
 */
export function importOrders(
  deps: { store: Store; links: SyncOrderLinks; clock: Clock },
  orders: (RemoteOrder & { lineNumbers: number[] })[],
  rowErrors: ImportReport['errors'],
): ImportReport {
  const errors = [...rowErrors];
  let imported = 0;
  for (const order of orders) {
    if (deps.store.orders.byNumber(order.number)) {
      errors.push({ line: order.lineNumbers[0]!, message: `order ${order.number} is already in the database` });
      continue;
    }
    const unknown = order.lines.filter((l) => deps.store.catalog.productBySku(l.sku) === null);
    if (unknown.length > 0) {
      for (const line of unknown)
        errors.push({ line: order.lineNumbers[order.lines.indexOf(line)]!, message: `sku ${line.sku} is not in the catalogue; import the products first` });
      continue;
    }
    try {
      deps.store.transaction(() => {
        deps.store.orders.insertMany([toNewOrder(order)]);
        const local = deps.store.orders.byNumber(order.number)!;
        const lines = local.lines.map((line, i) => ({ orderLineId: line.id, externalLineId: order.lines[i]!.externalLineId }));
        deps.links.link(local.id, 'file', order.externalId, lines, deps.clock.now().toISOString());
      });
      imported += 1;
    } catch (error) {
      if (!(error instanceof StationFailure)) throw error;
      errors.push({ line: order.lineNumbers[0]!, message: error.message });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { imported, errors };
}
