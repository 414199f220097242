/**
 * Whether a return is allowed, and why not: each refusal a sentence key with its params
 * (sentences.ts has them in English and Polish), so the desk can say exactly what is wrong and a
 * manager can override with a reason. Pure: the caller gathers what was shipped and returned.
 */
import { deadlineAfter, type Deadline } from './calendar';
import type { ReturnRules } from './rules';
import type { Condition, LocalDate, NonReturnableReason, ReturnType } from './types';

/** What was shipped on one order line, and what came back of it on earlier returns. */
export interface LineFacts {
  lineId: number;
  productId: number;
  sku: string;
  name: string;
  /** Units that left on this order (packed and completed). */
  shipped: number;
  /** Units of this line on earlier returns of the order (not counting this one). */
  returnedBefore: number;
  serialTracked: boolean;
  /** Serials of this line's product shipped on this order. */
  serials: readonly string[];
  /** Serials of this line already taken back on earlier returns. */
  serialsReturnedBefore: readonly string[];
  returnable: boolean;
  /** Why the product may not be withdrawn from, when it may not; null for "not stated". */
  nonReturnableReason: NonReturnableReason | null;
}

/** One item of the return as the eligibility check sees it. Items that are not of the order (wrong item, not ours) or missing are not checked. */
export interface ClaimedItem {
  lineId: number;
  quantity: number;
  serial: string | null;
  /** Graded condition, or null before grading. */
  condition: Condition | null;
}

export interface EligibilityFacts {
  type: ReturnType;
  rules: ReturnRules;
  orderNumber: string;
  /** Whether anything of the order left the building (status shipped or partially shipped). */
  orderShipped: boolean;
  /** Station calendar dates: delivery when the carrier told us, else the day the parcel left. */
  deliveredOn: LocalDate | null;
  shippedOn: LocalDate | null;
  /** The day the customer withdrew or complained (the statement's date); the day the parcel came in when not known. */
  declaredOn: LocalDate;
  zone: string;
  lines: readonly LineFacts[];
  items: readonly ClaimedItem[];
}

export const REFUSAL_KEYS = [
  'order_not_shipped',
  'window_closed',
  'not_returnable',
  'hygiene_opened',
  'quantity_exceeds',
  'serial_not_shipped',
  'serial_already_returned',
  'serial_needed',
  'line_not_on_order',
] as const;
export type RefusalKey = (typeof REFUSAL_KEYS)[number];

export const WARNING_KEYS = ['window_from_shipping', 'window_unknown', 'hygiene_unopened_only'] as const;
export type WarningKey = (typeof WARNING_KEYS)[number];

export type SentenceParams = Record<string, string | number>;

export interface Refusal {
  key: RefusalKey;
  params: SentenceParams;
}

export interface Warning {
  key: WarningKey;
  params: SentenceParams;
}

/** The window the return was checked against: from which day, counted from what, and its last day. */
export interface ReturnWindow {
  countedFrom: 'delivery' | 'shipping';
  startDay: LocalDate;
  days: number;
  deadline: Deadline;
}

export interface Eligibility {
  eligible: boolean;
  refusals: Refusal[];
  warnings: Warning[];
  /** Null where no window applies (refused parcels) or no date is known to count it from. */
  window: ReturnWindow | null;
}

/** Days of the window a return type is checked against; null for refused parcels, which never reached the customer. */
export function windowDays(type: ReturnType, rules: ReturnRules): number | null {
  switch (type) {
    case 'withdrawal':
      return rules.withdrawalDays;
    case 'exchange':
      return rules.exchangeDays;
    case 'complaint':
      return rules.complaintWindowDays;
    case 'refused':
      return null;
  }
}

/** Whether the product rules for withdrawal apply (hygiene, custom-made): not to complaints about faulty goods, nor to refused parcels. */
function productRulesApply(type: ReturnType): boolean {
  return type === 'withdrawal' || type === 'exchange';
}

/**
 * The return window: counted from the delivery day when we know it, else from the day the parcel
 * left us (never later than delivery, so a return that passes from shipping passes from delivery
 * too; a refusal counted from shipping says so, and the customer's proof of delivery lets a
 * manager override it).
 */
export function returnWindow(facts: Pick<EligibilityFacts, 'type' | 'rules' | 'deliveredOn' | 'shippedOn' | 'zone'>): ReturnWindow | null {
  const days = windowDays(facts.type, facts.rules);
  const startDay = facts.deliveredOn ?? facts.shippedOn;
  if (days === null || startDay === null) return null;
  return { countedFrom: facts.deliveredOn ? 'delivery' : 'shipping', startDay, days, deadline: deadlineAfter(startDay, days, facts.zone) };
}

/** Checks a return against the rules; with no items yet, the order-level checks only (shipped, window). */
export function checkEligibility(facts: EligibilityFacts): Eligibility {
  const refusals: Refusal[] = [];
  const warnings: Warning[] = [];
  const order = facts.orderNumber;
  if (!facts.orderShipped) refusals.push({ key: 'order_not_shipped', params: { order } });
  const window = returnWindow(facts);
  if (window) {
    if (window.countedFrom === 'shipping') warnings.push({ key: 'window_from_shipping', params: { startDay: window.startDay } });
    if (facts.declaredOn > window.deadline.lastDay) {
      refusals.push({
        key: 'window_closed',
        params: {
          days: window.days,
          countedFrom: window.countedFrom,
          startDay: window.startDay,
          lastDay: window.deadline.lastDay,
          declaredOn: facts.declaredOn,
        },
      });
    }
  } else if (windowDays(facts.type, facts.rules) !== null) {
    warnings.push({ key: 'window_unknown', params: { order } });
  }
  const lines = new Map(facts.lines.map((line) => [line.lineId, line]));
  const claimed = new Map<number, number>();
  const serialsSeen = new Set<string>();
  for (const item of facts.items) {
    if (item.condition === 'wrong_item' || item.condition === 'not_ours' || item.condition === 'missing') continue;
    const line = lines.get(item.lineId);
    if (!line) {
      refusals.push({ key: 'line_not_on_order', params: { order, line: item.lineId } });
      continue;
    }
    const product = { sku: line.sku, name: line.name };
    claimed.set(line.lineId, (claimed.get(line.lineId) ?? 0) + item.quantity);
    if (productRulesApply(facts.type) && !line.returnable) {
      if (line.nonReturnableReason === 'hygiene') {
        if (item.condition === null) warnings.push({ key: 'hygiene_unopened_only', params: product });
        else if (item.condition !== 'unopened') refusals.push({ key: 'hygiene_opened', params: product });
      } else {
        refusals.push({ key: 'not_returnable', params: { ...product, reason: line.nonReturnableReason ?? 'other' } });
      }
    }
    if (line.serialTracked) {
      if (item.serial === null) refusals.push({ key: 'serial_needed', params: product });
      else if (!line.serials.includes(item.serial)) refusals.push({ key: 'serial_not_shipped', params: { ...product, serial: item.serial, order } });
      else if (line.serialsReturnedBefore.includes(item.serial) || serialsSeen.has(`${line.lineId}\u0000${item.serial}`)) {
        refusals.push({ key: 'serial_already_returned', params: { ...product, serial: item.serial } });
      }
      if (item.serial !== null) serialsSeen.add(`${line.lineId}\u0000${item.serial}`);
    }
  }
  for (const [lineId, quantity] of claimed) {
    const line = lines.get(lineId)!;
    const left = Math.max(0, line.shipped - line.returnedBefore);
    if (quantity > left) {
      refusals.push({
        key: 'quantity_exceeds',
        params: { sku: line.sku, name: line.name, requested: quantity, shipped: line.shipped, returnedBefore: line.returnedBefore, left },
      });
    }
  }
  return { eligible: refusals.length === 0, refusals: dedupe(refusals), warnings: dedupe(warnings), window };
}

function dedupe<T extends { key: string; params: SentenceParams }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((entry) => {
    const id = `${entry.key}:${JSON.stringify(entry.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Units of a line that may still come back: shipped, less earlier returns, less what this return already holds. */
export function unitsLeft(line: Pick<LineFacts, 'shipped' | 'returnedBefore'>, onThisReturn: number): number {
  return Math.max(0, line.shipped - line.returnedBefore - onThisReturn);
}
