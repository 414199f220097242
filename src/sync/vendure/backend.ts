import type { NotePush, PullPage, RemoteOrder, RemoteProduct, ReturnPush, ShipmentPush, ShopBackend } from '../../app/ports/backend';
import { SyncFailure } from '../../app/ports/backend';
import type { VendureSettings } from '../../contract/sync';
import { VendureClient } from './client';
import {
  ACTIVE_CHANNEL,
  ADD_FULFILLMENT,
  ADD_NOTE,
  FRAGILE_FIELD,
  FULFILLMENTS,
  orderFields,
  ordersPage,
  PRODUCT_CUSTOM_FIELDS,
  TRANSITION_FULFILLMENT,
  variantsPage,
  type FragileFields,
} from './queries';
import { toRemoteOrder, type VendureOrder } from './orders';
import { VendureReturns } from './returns';

/** How far back each incremental pull of orders starts before the newest change already seen. */
const PULL_OVERLAP_MS = 5000;

const READY_STATES = ['PaymentSettled', 'PartiallyShipped'];

interface OrderCursor {
  since: string | null;
  skip: number;
  newest: string | null;
}

type Union<T> = T & { errorCode?: string; message?: string };

function refusedIfError<T extends object>(what: string, result: Union<T>): T {
  if (result.errorCode) throw new SyncFailure('refused', `Vendure refused ${what}: ${result.errorCode}: ${result.message ?? ''}`.trim());
  return result;
}

type CustomFieldTypes = { fields: { name: string; type: { name: string | null; ofType: { name: string | null } | null } }[] } | null;

/** The entity has a boolean custom field named `fragile` (nullable or not). */
function hasFragileField(fields: CustomFieldTypes): boolean {
  return (fields?.fields ?? []).some((f) => f.name === FRAGILE_FIELD && (f.type.name ?? f.type.ofType?.name) === 'Boolean');
}

interface VendureVariant {
  sku: string;
  name: string;
  customFields?: Record<string, unknown>;
  product?: { customFields?: Record<string, unknown> };
}

/** Vendure's Admin API: settled orders in, fulfilments and returns out. */
export class VendureBackend implements ShopBackend {
  readonly kind = 'vendure' as const;
  private readonly client: VendureClient;
  private readonly returns: VendureReturns;
  private readonly ordersPage: string;
  private fragileFields: FragileFields | null = null;

  constructor(
    private readonly settings: VendureSettings,
    secret: string | null,
    fetchImpl?: typeof fetch,
  ) {
    this.client = new VendureClient({
      url: settings.url,
      username: settings.username || null,
      secret,
      channelToken: settings.channelToken,
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
    });
    this.returns = new VendureReturns(this.client);
    this.ordersPage = ordersPage(orderFields(settings));
  }

  async testConnection() {
    const { activeChannel } = await this.client.request<{ activeChannel: { code: string } }>(ACTIVE_CHANNEL);
    return { shopName: `Vendure (${activeChannel.code})` };
  }

  /**
   * Whether the shop defines a fragile mark on variants or products: asked on a pull's first page
   * and kept for its other pages, so a shop that adds the field (or drops it, which would make
   * asking for it an error) is followed at the next sync. A shop without one is never asked for
   * it. A shop that does not answer introspection has none we can ask for; any other failure is
   * the pull's.
   */
  private async whereFragile(firstPage: boolean): Promise<FragileFields> {
    if (this.fragileFields && !firstPage) return this.fragileFields;
    let types: { variant: CustomFieldTypes; product: CustomFieldTypes };
    try {
      types = await this.client.request<{ variant: CustomFieldTypes; product: CustomFieldTypes }>(PRODUCT_CUSTOM_FIELDS);
    } catch (error) {
      if (!(error instanceof SyncFailure) || error.kind !== 'refused') throw error;
      types = { variant: null, product: null };
    }
    this.fragileFields = { variant: hasFragileField(types.variant), product: hasFragileField(types.product) };
    return this.fragileFields;
  }

  async pullProducts(cursor: string | null): Promise<PullPage<RemoteProduct>> {
    const skip = cursor ? Number(cursor) : 0;
    const take = this.settings.pageSize;
    const field = this.settings.barcodeField;
    const fragile = await this.whereFragile(cursor === null);
    const { productVariants } = await this.client.request<{ productVariants: { totalItems: number; items: VendureVariant[] } }>(variantsPage(field, fragile), {
      options: { skip, take, sort: { id: 'ASC' } },
    });
    const items = productVariants.items.map((v): RemoteProduct => {
      const barcode = v.customFields?.[field];
      const product: RemoteProduct = {
        sku: v.sku,
        name: v.name,
        // Vendure keeps no weight: the station's own (its product file's) stays.
        barcodes: typeof barcode === 'string' && barcode.trim() ? [barcode.trim()] : [],
      };
      // Fragile when the variant or its product says so; a shop without the field says nothing.
      if (fragile.variant || fragile.product) product.fragile = v.customFields?.[FRAGILE_FIELD] === true || v.product?.customFields?.[FRAGILE_FIELD] === true;
      return product;
    });
    const more = skip + items.length < productVariants.totalItems && items.length > 0;
    return { items, cursor: more ? String(skip + items.length) : null, more, total: productVariants.totalItems };
  }

  /** Settled orders changed since the last pull, oldest change first; paged with skip inside one pull. */
  async pullOrders(cursor: string | null): Promise<PullPage<RemoteOrder>> {
    const at: OrderCursor = cursor ? (JSON.parse(cursor) as OrderCursor) : { since: null, skip: 0, newest: null };
    const take = this.settings.pageSize;
    // Cash-on-delivery orders stay authorised until the courier collects: read those too when the shop takes COD.
    const states = (this.settings.codPaymentMethods ?? []).length > 0 ? [...READY_STATES, 'PaymentAuthorized'] : READY_STATES;
    const filter: Record<string, unknown> = { state: { in: states } };
    // Read a few seconds back: rows written in the same second as the last one seen (or by a
    // transaction still committing then) would slip past a strict "after". Re-read orders are
    // recognised by their link and only checked for changes.
    if (at.since) filter.updatedAt = { after: new Date(Date.parse(at.since) - PULL_OVERLAP_MS).toISOString() };
    const { orders } = await this.client.request<{ orders: { totalItems: number; items: VendureOrder[] } }>(this.ordersPage, {
      options: { filter, sort: { updatedAt: 'ASC' }, skip: at.skip, take },
    });
    const newest = orders.items.reduce<string | null>((n, o) => (n === null || o.updatedAt > n ? o.updatedAt : n), at.newest);
    const more = orders.items.length === take && at.skip + take < orders.totalItems;
    const next: OrderCursor = more ? { since: at.since, skip: at.skip + take, newest } : { since: newest ?? at.since, skip: 0, newest: null };
    return { items: orders.items.map((o) => toRemoteOrder(o, this.settings)), cursor: JSON.stringify(next), more, total: orders.totalItems };
  }

  async ordersById(externalIds: string[]): Promise<RemoteOrder[]> {
    if (externalIds.length === 0) return [];
    const { orders } = await this.client.request<{ orders: { items: VendureOrder[] } }>(this.ordersPage, {
      options: { filter: { id: { in: externalIds } }, take: externalIds.length },
    });
    return orders.items.map((o) => toRemoteOrder(o, this.settings));
  }

  async hasShipment(push: ShipmentPush): Promise<boolean> {
    const { order } = await this.client.request<{ order: { fulfillments: { id: string; state: string; trackingCode: string | null }[] | null } | null }>(
      FULFILLMENTS,
      { id: push.externalOrderId },
    );
    if (!order) throw new SyncFailure('refused', `Vendure has no order ${push.externalOrderId}.`);
    const found = (order.fulfillments ?? []).find((f) => f.trackingCode === trackingCodeOf(push) && f.state !== 'Cancelled');
    if (!found) return false;
    // The crash may have come between creating the fulfilment and shipping it.
    if (found.state !== 'Shipped' && found.state !== 'Delivered') await this.ship(found.id);
    return true;
  }

  async pushShipment(push: ShipmentPush): Promise<{ remoteRef: string }> {
    const missing = push.lines.filter((l) => !l.externalLineId);
    if (missing.length > 0) throw new SyncFailure('refused', `Lines ${missing.map((l) => l.sku).join(', ')} are not linked to Vendure order lines.`);
    const { addFulfillmentToOrder } = await this.client.request<{ addFulfillmentToOrder: Union<{ id: string; state: string }> }>(ADD_FULFILLMENT, {
      input: {
        lines: push.lines.map((l) => ({ orderLineId: l.externalLineId, quantity: l.quantity })),
        handler: {
          code: this.settings.fulfillmentHandler,
          arguments: [
            { name: 'method', value: push.carrierCode },
            { name: 'trackingCode', value: trackingCodeOf(push) },
          ],
        },
      },
    });
    const fulfillment = refusedIfError('the fulfilment', addFulfillmentToOrder);
    if (fulfillment.state !== 'Shipped') await this.ship(fulfillment.id);
    return { remoteRef: fulfillment.id };
  }

  private async ship(fulfillmentId: string): Promise<void> {
    const { transitionFulfillmentToState } = await this.client.request<{ transitionFulfillmentToState: Union<{ id: string; state: string }> }>(
      TRANSITION_FULFILLMENT,
      { id: fulfillmentId, state: 'Shipped' },
    );
    refusedIfError('shipping the fulfilment', transitionFulfillmentToState);
  }

  async pushNote(push: NotePush): Promise<void> {
    await this.client.request(ADD_NOTE, { input: { id: push.externalOrderId, note: push.note, isPublic: false } });
  }

  /** A note, refund or restock carrying the return number; a return left half-done by a lost answer is finished here. */
  async hasReturn(push: ReturnPush): Promise<boolean> {
    return this.returns.has(push);
  }

  /** The refund on the settled payment, the restocked lines cancelled into stock, and a note (see VendureReturns). */
  async pushReturn(push: ReturnPush): Promise<{ remoteRef: string }> {
    return this.returns.push(push);
  }

  async fetchLabel(): Promise<null> {
    return null;
  }
}

/** Vendure keeps one tracking code per fulfilment: the parcels' numbers, comma-separated. */
export function trackingCodeOf(push: Pick<ShipmentPush, 'trackingNumbers'>): string {
  return push.trackingNumbers.join(', ');
}
