import type { ReturnPush } from '../../app/ports/backend';
import { SyncFailure } from '../../app/ports/backend';
import type { BaselinkerSettings } from '../../contract/sync';
import type { BaselinkerClient } from './client';
import type { BaselinkerOrder, BaselinkerOrderProduct } from './orders';

/** A return as getOrderReturns gives it (the fields this adapter reads). */
export interface BaselinkerReturn {
  return_id: number;
  order_id: number;
  reference_number: string;
  status_id: number;
  currency: string;
  /** The refunded amount, as text ("12.50"). */
  refunded: string;
  admin_comments: string;
  products: { order_return_product_id: number; sku: string; quantity: number; status_id: number }[];
}

/** getOrderReturns gives at most this many at a time. */
const RETURNS_PAGE = 100;
/** The documented lengths of the fields a return's text goes into. */
const ADMIN_COMMENTS_MAX = 200;
const REFUND_COMMENT_MAX = 50;
const REFERENCE_MAX = 100;
/** Lines that bring nothing back from the order: named in the comments, not added as return items. */
const NOT_RETURNED = new Set(['missing', 'not_ours', 'wrong_item']);

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const money = (minor: number) => Math.round(minor) / 100;

/**
 * A decided return in BaseLinker's return manager: addOrderReturn on the order with our return
 * number as its reference_number (what getOrderReturns is searched by, so a retry finds it), one
 * item per returned order line copied from the order (storage, product, price, tax), restocked
 * items in the configured item status; then setOrderReturnRefund records the refund (BaseLinker
 * sends no money: the shop refunds through its payment or marketplace, as it does today) and
 * setOrderReturnStatus moves the return on. The later calls set absolute values, so repeating
 * them after a lost answer changes nothing.
 */
export class BaselinkerReturns {
  constructor(
    private readonly client: BaselinkerClient,
    private readonly settings: BaselinkerSettings,
    private readonly now: () => Date,
  ) {}

  /** Whether the return is at BaseLinker; if so, what a lost answer left undone is finished. */
  async has(push: ReturnPush): Promise<boolean> {
    const found = await this.find(push);
    if (!found) return false;
    await this.finish(push, found);
    return true;
  }

  async push(push: ReturnPush): Promise<{ remoteRef: string }> {
    const found = (await this.find(push)) ?? (await this.add(push));
    await this.finish(push, found);
    return { remoteRef: `return:${found.return_id}` };
  }

  /** The order's returns, page by page, looked through for our return number. */
  async find(push: ReturnPush): Promise<BaselinkerReturn | null> {
    const orderId = Number(push.externalOrderId);
    for (let idFrom = 0; ;) {
      const { returns } = await this.client.call<{ returns: BaselinkerReturn[] }>('getOrderReturns', {
        order_id: orderId,
        ...(idFrom > 0 ? { id_from: idFrom } : {}),
      });
      const found = returns.find((r) => r.order_id === orderId && r.reference_number === push.returnNumber);
      if (found) return found;
      if (returns.length < RETURNS_PAGE) return null;
      idFrom = Math.max(...returns.map((r) => r.return_id)) + 1;
    }
  }

  private async add(push: ReturnPush): Promise<BaselinkerReturn> {
    if (push.returnNumber.length > REFERENCE_MAX) throw new SyncFailure('refused', `Return number ${push.returnNumber} is longer than BaseLinker takes.`);
    const { orders } = await this.client.call<{ orders: BaselinkerOrder[] }>('getOrders', {
      order_id: Number(push.externalOrderId),
      get_unconfirmed_orders: true,
    });
    const order = orders[0];
    if (!order) throw new SyncFailure('refused', `BaseLinker has no order ${push.externalOrderId} for return ${push.returnNumber}.`);
    const currency = order.currency ?? push.refund?.currency ?? 'PLN';
    // Refused before anything is added, so a manager who fixes it finds nothing half-done.
    if (push.refund) refusedIfOtherCurrency(push, currency, `BaseLinker order ${order.order_id}`);
    const statusId = this.settings.returns?.statusId ?? (await this.firstReturnStatus());
    const { items } = returnItems(push, order, this.settings.returns?.restockedItemStatusId ?? null);
    const added = await this.client.call<{ return_id: number }>('addOrderReturn', {
      order_id: order.order_id,
      status_id: statusId,
      reference_number: push.returnNumber,
      date_add: Math.floor(this.now().getTime() / 1000),
      currency,
      refunded: 0,
      admin_comments: adminComments(push),
      email: order.email,
      phone: order.phone,
      delivery_fullname: order.delivery_fullname,
      delivery_company: order.delivery_company,
      delivery_address: order.delivery_address,
      delivery_postcode: order.delivery_postcode,
      delivery_city: order.delivery_city,
      delivery_country_code: order.delivery_country_code,
      products: items,
    });
    return {
      return_id: added.return_id,
      order_id: order.order_id,
      reference_number: push.returnNumber,
      status_id: statusId,
      currency,
      refunded: '0.00',
      admin_comments: '',
      products: [],
    };
  }

  /** The refund and the status: each set to what was decided unless BaseLinker already shows it. */
  private async finish(push: ReturnPush, found: BaselinkerReturn): Promise<void> {
    const refund = push.refund;
    if (!refund) return;
    refusedIfOtherCurrency(push, found.currency, `BaseLinker return ${found.return_id}`);
    if (Math.round(Number(found.refunded) * 100) !== refund.amountMinor) {
      await this.client.call('setOrderReturnRefund', {
        return_id: found.return_id,
        order_refund_done: money(refund.amountMinor),
        refund_date: Math.floor(this.now().getTime() / 1000),
        refund_comment: clip(`${push.returnNumber}: ${refund.reason}`, REFUND_COMMENT_MAX),
        external_refund_id: clip(push.returnNumber, REFUND_COMMENT_MAX),
      });
    }
    const refunded = this.settings.returns?.refundedStatusId ?? null;
    if (refunded !== null && found.status_id !== refunded) {
      await this.client.call('setOrderReturnStatus', { return_id: found.return_id, status_id: refunded });
    }
  }

  private async firstReturnStatus(): Promise<number> {
    const { statuses } = await this.client.call<{ statuses: { id: number; name: string }[] }>('getOrderReturnStatusList');
    const first = statuses[0];
    if (!first) throw new SyncFailure('refused', 'BaseLinker has no return statuses; add one in its return manager before returns can be sent.');
    return first.id;
  }
}

function refusedIfOtherCurrency(push: ReturnPush, currency: string, where: string): void {
  if (!push.refund || push.refund.currency.toUpperCase() === currency.toUpperCase()) return;
  throw new SyncFailure(
    'refused',
    `Return ${push.returnNumber}: the refund is in ${push.refund.currency}, but ${where} is in ${currency}; no refund was recorded.`,
  );
}

/** What addOrderReturn takes per item. */
export interface ReturnItem {
  order_product_id: number;
  storage: string;
  storage_id: number;
  product_id: string;
  variant_id: number;
  warehouse_id?: number;
  name: string;
  sku: string;
  ean: string;
  price_brutto: number;
  tax_rate: number;
  quantity: number;
  status_id?: number;
}

/**
 * One return item per returned order line, copied from the order's product so BaseLinker knows
 * which inventory and warehouse it came from; restocked items get the restocked item status.
 * Lines that brought nothing of the order back (missing, not ours, a wrong item) are left to the comments.
 */
export function returnItems(
  push: ReturnPush,
  order: Pick<BaselinkerOrder, 'products'>,
  restockedItemStatusId: number | null,
): { items: ReturnItem[]; left: string[] } {
  const items: ReturnItem[] = [];
  const left: string[] = [];
  for (const line of push.lines) {
    const product: BaselinkerOrderProduct | undefined =
      order.products.find((p) => String(p.order_product_id) === line.externalLineId) ?? order.products.find((p) => p.sku === line.sku);
    if (NOT_RETURNED.has(line.condition) || !product || line.quantity <= 0) {
      left.push(`${line.sku} ×${line.quantity} ${line.condition.replace('_', ' ')}`);
      continue;
    }
    items.push({
      order_product_id: product.order_product_id,
      storage: product.storage ?? 'db',
      storage_id: product.storage_id ?? 0,
      product_id: product.product_id ?? '',
      variant_id: Number(product.variant_id ?? 0),
      ...(product.warehouse_id ? { warehouse_id: product.warehouse_id } : {}),
      name: product.name,
      sku: product.sku,
      ean: product.ean,
      price_brutto: product.price_brutto ?? 0,
      tax_rate: product.tax_rate ?? 0,
      quantity: line.quantity,
      ...(line.disposition === 'restock' && restockedItemStatusId !== null ? { status_id: restockedItemStatusId } : {}),
    });
  }
  return { items, left };
}

/**
 * The seller's comment on the return (200 characters): our number, the desk's note, then each
 * line's grading (the items carry the details, so a long list may be cut).
 */
export function adminComments(push: ReturnPush): string {
  const lines = push.lines.map(
    (l) => `${l.sku}×${l.quantity} ${l.condition.replace('_', ' ')}→${l.disposition.replace('_', ' ')}${l.reason ? ` (${l.reason})` : ''}`,
  );
  const parts = [`Packdesk ${push.returnNumber} (${push.returnType})`];
  if (push.note.trim()) parts.push(push.note.trim());
  parts.push(lines.join(', '));
  return clip(parts.join('; '), ADMIN_COMMENTS_MAX);
}
