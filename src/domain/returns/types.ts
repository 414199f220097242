/**
 * The returns desk's words (docs/returns.md): a return is one incoming parcel handled for one
 * order, of one type, with an item per unit (or per counted units) that came back.
 */

/** withdrawal = zwrot (odstąpienie od umowy), complaint = reklamacja, refused = refused or undeliverable parcel from the carrier. */
export const RETURN_TYPES = ['withdrawal', 'complaint', 'refused', 'exchange'] as const;
export type ReturnType = (typeof RETURN_TYPES)[number];

/** How an item came back. `wrong_item` is an item we did not ship on this order; `missing` one that should be in the parcel and is not. */
export const CONDITIONS = ['unopened', 'opened', 'used', 'damaged', 'wrong_item', 'missing', 'not_ours'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** Where an item goes: back on the shelf, to refurbishment, to scrap, back to the customer, or to the supplier. */
export const DISPOSITIONS = ['restock', 'refurbish', 'scrap', 'to_customer', 'to_supplier'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** What the shop answers a complaint with (the consumer's remedies, and a reasoned rejection). */
export const COMPLAINT_OUTCOMES = ['repair', 'replace', 'price_reduction', 'refund', 'rejected'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** Why a product may not be withdrawn from: sealed hygiene goods once unsealed, goods made to the customer's order. */
export const NON_RETURNABLE_REASONS = ['hygiene', 'custom_made', 'other'] as const;
export type NonReturnableReason = (typeof NON_RETURNABLE_REASONS)[number];

export const RETURN_STATUSES = ['open', 'decided', 'closed'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** A reason a customer or the handler gives for a returned item; `packingError` ones count against the packer once confirmed. */
export interface ReasonCode {
  code: string;
  en: string;
  pl: string;
  packingError: boolean;
  active: boolean;
}

/** A date on the station's calendar, YYYY-MM-DD. */
export type LocalDate = string;
