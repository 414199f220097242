/**
 * The returns desk's error texts, spread into the error table of en.ts. Refusals that come from
 * the returns rules carry `sentence` (a key of src/domain/returns/sentences.ts) and its params:
 * the screen says that sentence (sentence(key, params, language)) rather than these general ones.
 */
export const enReturnsErrors = {
  RETURN_SLIP_AT_PACKING: 'This is a return (order {{order}}), not an order to pack. Take the parcel to the returns desk.',
  RETURN_NOT_FOUND: 'There is no such return.',
  RETURN_WRONG_STATE: 'This return cannot be changed now: {{state}}.',
  RETURN_NOT_ELIGIBLE: 'This return is not allowed by the rules. A manager can override it with a reason.',
  RETURN_ITEM_REFUSED: 'This item cannot be taken back on this return.',
  RETURN_DECISION_INVALID: 'This decision is not complete.',
  NOT_OURS_NOT_FOUND: 'There is no such parcel.',
  PHOTO_INVALID: 'That is not a JPEG or PNG photo.',
  PHOTO_TOO_LARGE: 'The photo is larger than {{limitMb}} MB.',
} as const;
