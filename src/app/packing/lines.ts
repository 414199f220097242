import { StationFailure } from '../../contract/errors';
import type { Order } from '../../domain/order';
import type { KitPart, SessionLine } from '../../domain/packing';
import type { Store } from '../ports';

/** The order's lines with what packing needs from the catalogue: weights, tracking, the fragile mark, kit parts. */
export function sessionLines(store: Store, order: Order): SessionLine[] {
  return order.lines.map((line) => {
    const product = store.catalog.productById(line.productId);
    if (!product) throw new StationFailure('INTERNAL', `Product ${line.sku} of order ${order.number} is missing from the catalogue.`);
    let kitParts: KitPart[] | null = null;
    let fragile = product.fragile;
    if (product.isKit) {
      kitParts = store.catalog.kitComponents(product.id).map((component) => {
        const part = store.catalog.productById(component.componentProductId);
        if (!part) throw new StationFailure('INTERNAL', `A component of kit ${product.sku} is missing from the catalogue.`);
        if (part.fragile) fragile = true;
        return {
          productId: part.id,
          sku: part.sku,
          name: part.name,
          perKit: component.quantity,
          weightGrams: part.weightGrams,
          tracking: part.tracking,
          refuseExpired: part.refuseExpired,
        };
      });
    }
    const kitWeight = kitParts?.reduce((sum, p) => sum + p.weightGrams * p.perKit, 0) ?? 0;
    return {
      lineId: line.id,
      productId: product.id,
      sku: product.sku,
      name: line.name,
      ordered: line.quantity,
      // A kit without its own weight weighs what its parts weigh.
      weightGrams: product.weightGrams > 0 || !kitParts ? product.weightGrams : kitWeight,
      tracking: product.tracking,
      refuseExpired: product.refuseExpired,
      fragile,
      kitParts,
    };
  });
}
