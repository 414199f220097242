/**
 * The returns rules of a shop: periods in days and whether some checks apply. The defaults are
 * Polish consumer law (docs/returns.md, with its sources); a shop may be more generous (a 30-day
 * return window) or set the periods of the cases the law leaves to it (refused parcels,
 * exchanges, how long a parcel that is not ours is held).
 */
import type { ReasonCode } from './types';

export interface ReturnRules {
  /** Withdrawal (zwrot): days from delivery in which the customer may withdraw (law: 14). */
  withdrawalDays: number;
  /** Days from the withdrawal in which the refund is due (law: 14; it may wait until the goods or proof of sending arrive). */
  refundDays: number;
  /** Complaint (reklamacja): days from receiving it in which the shop must answer, or it counts as accepted (law: 14). */
  complaintAnswerDays: number;
  /** Days from delivery in which a complaint about non-conformity may be made (law: two years). */
  complaintWindowDays: number;
  /** Exchange: days from delivery in which the shop takes an exchange (shop policy; default as withdrawal). */
  exchangeDays: number;
  /** Days from a parcel's return in which a refused or undeliverable parcel is settled (shop policy). */
  refusedSettleDays: number;
  /** Days from receiving it in which an exchange is settled (the replacement sent). */
  exchangeSettleDays: number;
  /** Days a parcel that is not ours is held before it is sent back or disposed of. */
  notOursHoldDays: number;
}

/** Polish consumer law (ustawa o prawach konsumenta) and the desk's own defaults where the law sets none. */
export const POLISH_LAW_RULES: ReturnRules = {
  withdrawalDays: 14,
  refundDays: 14,
  complaintAnswerDays: 14,
  complaintWindowDays: 730,
  exchangeDays: 14,
  refusedSettleDays: 14,
  exchangeSettleDays: 14,
  notOursHoldDays: 30,
};

/** Limits a shop's settings must keep: no period below the law's where the law sets one, none absurdly long. */
export const RULE_LIMITS: Record<keyof ReturnRules, { min: number; max: number }> = {
  withdrawalDays: { min: 14, max: 3650 },
  refundDays: { min: 1, max: 14 },
  complaintAnswerDays: { min: 1, max: 14 },
  complaintWindowDays: { min: 730, max: 3650 },
  exchangeDays: { min: 0, max: 3650 },
  refusedSettleDays: { min: 1, max: 365 },
  exchangeSettleDays: { min: 1, max: 365 },
  notOursHoldDays: { min: 1, max: 365 },
};

/** Names of the settings that break their limits; empty when the rules may be saved. */
export function invalidRules(rules: ReturnRules): (keyof ReturnRules)[] {
  return (Object.keys(RULE_LIMITS) as (keyof ReturnRules)[]).filter((key) => {
    const value = rules[key];
    const { min, max } = RULE_LIMITS[key];
    return !Number.isInteger(value) || value < min || value > max;
  });
}

/**
 * The reason codes a new station starts with. Three are packing errors: they are the ones that,
 * confirmed by the handler, count against the packer who packed the order.
 */
export const DEFAULT_REASON_CODES: readonly ReasonCode[] = [
  { code: 'changed_mind', en: 'Changed mind', pl: 'Rezygnacja', packingError: false, active: true },
  { code: 'wrong_size', en: 'Wrong size', pl: 'Zły rozmiar', packingError: false, active: true },
  { code: 'not_as_described', en: 'Not as described', pl: 'Niezgodny z opisem', packingError: false, active: true },
  { code: 'defective', en: 'Defective', pl: 'Wadliwy', packingError: false, active: true },
  { code: 'damaged_in_transit', en: 'Damaged in transit', pl: 'Uszkodzony w transporcie', packingError: false, active: true },
  { code: 'wrong_item_sent', en: 'Wrong item sent', pl: 'Wysłano zły produkt', packingError: true, active: true },
  { code: 'missing_item', en: 'Missing item', pl: 'Brakujący produkt', packingError: true, active: true },
  { code: 'damaged_poor_packing', en: 'Damaged through poor packing', pl: 'Uszkodzony przez złe zapakowanie', packingError: true, active: true },
  { code: 'refused_delivery', en: 'Refused at delivery', pl: 'Odmowa przyjęcia', packingError: false, active: true },
  { code: 'undeliverable', en: 'Undeliverable', pl: 'Nie do doręczenia', packingError: false, active: true },
  { code: 'other', en: 'Other', pl: 'Inny', packingError: false, active: true },
];

/** A reason code is a short machine word: lower case, digits and underscores. */
export const REASON_CODE_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
