import type { ReturnPush } from '../../app/ports/backend';
import { SyncFailure } from '../../app/ports/backend';
import type { VendureClient } from './client';
import { ADD_NOTE, CANCEL_ORDER_LINES, REFUND_ORDER, RETURN_STATE } from './queries';

interface VendureRefund {
  id: string;
  state: string;
  total: number;
  reason: string | null;
}

interface ReturnOrder {
  id: string;
  code: string;
  state: string;
  currencyCode: string;
  lines: { id: string; quantity: number; productVariant: { sku: string } }[];
  payments: { id: string; state: string; amount: number; method: string; refunds: VendureRefund[] }[] | null;
  history: { totalItems: number; items: { id: string; type: string; data: Record<string, unknown> | null }[] };
}

/** What an earlier try already left at Vendure under the return number. */
interface ReturnTraces {
  order: ReturnOrder;
  refund: VendureRefund | null;
  /** A refund that the payment provider failed: it does not count, and is named in the message. */
  failedRefund: VendureRefund | null;
  /** The lines a cancellation carrying the return number put back into stock; null when none did. */
  restocked: { orderLineId: string; quantity: number }[] | null;
  noted: boolean;
}

type Union<T> = T & { errorCode?: string; message?: string };

const HISTORY_PAGE = 100;
/** Conditions in which nothing sellable came back, whatever the disposition says. */
const NOTHING_TO_RESTOCK = new Set(['missing', 'not_ours']);

/** The return number as it is written into every refund reason, cancellation reason and note, and looked for again. */
export const returnTag = (push: Pick<ReturnPush, 'returnNumber'>): string => `[${push.returnNumber}]`;

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/**
 * A decided return at Vendure, in three steps that each carry the return number: the refund on
 * the order's settled payment (refundOrder with an amount; Vendure 3 deprecates refunding by
 * lines), the restocked lines cancelled (cancelOrder with lines: for lines already fulfilled
 * Vendure writes a Cancellation stock movement, which raises stockOnHand — the only way its Admin
 * API puts sold units back into stock tied to the order), and last a private note on the order
 * saying what was done. Before each step the order is read for what an earlier try left, so a
 * retry after a lost answer finishes the return without refunding or restocking twice.
 */
export class VendureReturns {
  constructor(private readonly client: VendureClient) {}

  /** Whether any step of this return reached Vendure; if so, the missing steps are done now. */
  async has(push: ReturnPush): Promise<boolean> {
    const traces = await this.traces(push);
    if (!traces.refund && traces.restocked === null && !traces.noted) return false;
    // The answer to an earlier try was lost part-way: finish what it left undone.
    if (!traces.noted) await this.complete(push, traces);
    return true;
  }

  async push(push: ReturnPush): Promise<{ remoteRef: string }> {
    return this.complete(push, await this.traces(push));
  }

  private async complete(push: ReturnPush, traces: ReturnTraces): Promise<{ remoteRef: string }> {
    const { order } = traces;
    let refund = traces.refund;
    if (push.refund && !refund) refund = await this.refund(push, order, traces.failedRefund);
    const restock = restockLines(push, order, traces.restocked);
    if (restock.lines.length > 0 && !traces.restocked) await this.restock(push, order, restock.lines);
    if (!traces.noted) {
      await this.client.request(ADD_NOTE, { input: { id: order.id, note: noteText(push, refund, restock), isPublic: false } });
    }
    return { remoteRef: refund ? `refund:${refund.id}` : `order:${order.id}` };
  }

  private async traces(push: ReturnPush): Promise<ReturnTraces> {
    const tag = returnTag(push);
    let order: ReturnOrder | null = null;
    let restocked: ReturnTraces['restocked'] = null;
    let noted = false;
    // The history is read in pages, newest first, until both traces are found or it ends.
    for (let skip = 0; ; skip += HISTORY_PAGE) {
      const page = await this.client.request<{ order: ReturnOrder | null }>(RETURN_STATE, {
        id: push.externalOrderId,
        history: { skip, take: HISTORY_PAGE, sort: { createdAt: 'DESC' }, filter: { type: { in: ['ORDER_NOTE', 'ORDER_CANCELLATION'] } } },
      });
      if (!page.order) throw new SyncFailure('refused', `Vendure has no order ${push.externalOrderId} for return ${push.returnNumber}.`);
      order ??= page.order;
      for (const entry of page.order.history.items) {
        const text = entry.type === 'ORDER_NOTE' ? entry.data?.note : entry.data?.reason;
        if (typeof text !== 'string' || !text.includes(tag)) continue;
        if (entry.type === 'ORDER_NOTE') noted = true;
        else restocked = cancelledLines(entry.data?.lines);
      }
      if ((noted && restocked !== null) || skip + HISTORY_PAGE >= page.order.history.totalItems) break;
    }
    const refunds = (order.payments ?? []).flatMap((p) => p.refunds).filter((r) => r.reason?.includes(tag));
    return {
      order,
      refund: refunds.find((r) => r.state !== 'Failed') ?? null,
      failedRefund: refunds.find((r) => r.state === 'Failed') ?? null,
      restocked,
      noted,
    };
  }

  private async refund(push: ReturnPush, order: ReturnOrder, failedBefore: VendureRefund | null): Promise<VendureRefund> {
    const wanted = push.refund!;
    if (wanted.currency.toUpperCase() !== order.currencyCode.toUpperCase()) {
      throw new SyncFailure(
        'refused',
        `Return ${push.returnNumber}: the refund is in ${wanted.currency}, but Vendure order ${order.code} is in ${order.currencyCode}; nothing was refunded.`,
      );
    }
    const refundable = (p: NonNullable<ReturnOrder['payments']>[number]) =>
      p.amount - p.refunds.filter((r) => r.state !== 'Failed').reduce((sum, r) => sum + r.total, 0);
    const settled = (order.payments ?? []).filter((p) => p.state === 'Settled');
    const payment = settled.find((p) => refundable(p) >= wanted.amountMinor);
    if (!payment) {
      const left = settled.reduce((sum, p) => sum + refundable(p), 0);
      throw new SyncFailure(
        'refused',
        `Return ${push.returnNumber}: Vendure order ${order.code} has no settled payment with ${money(wanted.amountMinor, wanted.currency)} left to refund ` +
          `(${money(left, order.currencyCode)} left on settled payments); nothing was refunded.`,
      );
    }
    // By amount, as Vendure 3 prefers (refunding by lines is deprecated). Its refund table still
    // requires the deprecated shipping and adjustment columns (3.7.3 fails "NOT NULL constraint
    // failed: refund.shipping" without them), so they go as zero.
    const { refundOrder } = await this.client.request<{ refundOrder: Union<VendureRefund> }>(REFUND_ORDER, {
      input: {
        paymentId: payment.id,
        amount: wanted.amountMinor,
        shipping: 0,
        adjustment: 0,
        reason: `${returnTag(push)} ${push.returnType}: ${wanted.reason}`.trim(),
      },
    });
    if (refundOrder.errorCode) {
      throw new SyncFailure(
        'refused',
        `Vendure refused the refund of return ${push.returnNumber}: ${refundOrder.errorCode}: ${refundOrder.message ?? ''}`.trim(),
      );
    }
    if (refundOrder.state === 'Failed') {
      const again = failedBefore ? ' again' : '';
      throw new SyncFailure(
        'refused',
        `Vendure's payment provider failed the refund of return ${push.returnNumber}${again} (refund ${refundOrder.id}); refund it by hand in Vendure, or retry.`,
      );
    }
    return refundOrder;
  }

  private async restock(push: ReturnPush, order: ReturnOrder, lines: { orderLineId: string; quantity: number }[]): Promise<void> {
    const { cancelOrder } = await this.client.request<{ cancelOrder: Union<{ id: string; state: string }> }>(CANCEL_ORDER_LINES, {
      input: {
        orderId: order.id,
        lines: lines.map(({ orderLineId, quantity }) => ({ orderLineId, quantity })),
        cancelShipping: false,
        reason: `${returnTag(push)} returned to stock`,
      },
    });
    if (cancelOrder.errorCode) {
      throw new SyncFailure(
        'refused',
        `Vendure refused to return the lines of return ${push.returnNumber} to stock: ${cancelOrder.errorCode}: ${cancelOrder.message ?? ''}`.trim(),
      );
    }
  }
}

interface Restock {
  lines: { orderLineId: string; quantity: number; sku: string }[];
  /** Restocked at the desk but not in Vendure, with why. */
  skipped: string[];
}

/** The lines of a cancellation as Vendure keeps them in the order's history. */
function cancelledLines(lines: unknown): { orderLineId: string; quantity: number }[] {
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((l: { orderLineId?: unknown; quantity?: unknown }) =>
    l && (typeof l.orderLineId === 'string' || typeof l.orderLineId === 'number') && typeof l.quantity === 'number'
      ? [{ orderLineId: String(l.orderLineId), quantity: l.quantity }]
      : [],
  );
}

/**
 * The order lines to cancel back into stock: lines the desk restocked, summed per order line and
 * capped at what the Vendure line still holds (an earlier return may have cancelled some). When
 * this return's cancellation is already at Vendure, its lines are what was restocked.
 */
export function restockLines(
  push: ReturnPush,
  order: Pick<ReturnOrder, 'lines'>,
  cancelled: { orderLineId: string; quantity: number }[] | null = null,
): Restock {
  const wanted = new Map<string, { quantity: number; sku: string }>();
  const skipped: string[] = [];
  for (const line of push.lines) {
    if (line.disposition !== 'restock' || line.quantity <= 0) continue;
    if (NOTHING_TO_RESTOCK.has(line.condition)) {
      skipped.push(`${line.sku} ×${line.quantity}: ${line.condition.replace('_', ' ')}, nothing to restock`);
      continue;
    }
    if (!line.externalLineId || !order.lines.some((l) => l.id === line.externalLineId)) {
      skipped.push(`${line.sku} ×${line.quantity}: not a line of this order in Vendure; restock it by hand`);
      continue;
    }
    const sum = wanted.get(line.externalLineId);
    wanted.set(line.externalLineId, { quantity: (sum?.quantity ?? 0) + line.quantity, sku: line.sku });
  }
  const lines: Restock['lines'] = [];
  for (const [orderLineId, { quantity, sku }] of wanted) {
    const done = cancelled?.filter((c) => c.orderLineId === orderLineId).reduce((sum, c) => sum + c.quantity, 0);
    const left = done ?? order.lines.find((l) => l.id === orderLineId)!.quantity;
    const take = Math.min(quantity, left);
    if (take < quantity) skipped.push(`${sku} ×${quantity - take}: the Vendure order line had only ${take} left; restock the rest by hand`);
    if (take > 0) lines.push({ orderLineId, quantity: take, sku });
  }
  return { lines, skipped };
}

/** The private note on the order: the return number first, then what came back and what Vendure was asked to do. */
export function noteText(push: ReturnPush, refund: Pick<VendureRefund, 'id' | 'total'> | null, restock: Restock): string {
  const out = [`Packdesk return ${returnTag(push)} (${push.returnType}) of order ${push.orderNumber}:`];
  for (const l of push.lines)
    out.push(`- ${l.sku} ×${l.quantity}: ${l.condition.replace('_', ' ')}, ${l.disposition.replace('_', ' ')}${l.reason ? ` (${l.reason})` : ''}`);
  if (push.refund)
    out.push(`Refund: ${money(push.refund.amountMinor, push.refund.currency)}${refund ? ` (Vendure refund ${refund.id})` : ''}: ${push.refund.reason}`);
  else out.push('No refund.');
  if (restock.lines.length > 0) out.push(`Back in stock (order lines cancelled): ${restock.lines.map((l) => `${l.sku} ×${l.quantity}`).join(', ')}`);
  for (const s of restock.skipped) out.push(`Not restocked in Vendure: ${s}`);
  if (push.note.trim()) out.push(`Note: ${push.note.trim()}`);
  return out.join('\n');
}
