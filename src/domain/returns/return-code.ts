/**
 * The code printed as a barcode (Code 128) in the return section of a packing slip: `RET-` and
 * the order number, e.g. `RET-PD-100001`. The prefix tells it apart from the order number itself,
 * so a packing station can say "this is a return" instead of "already shipped", while the returns
 * desk reads the order number back out of it. Slips printed before the prefix carried the bare
 * order number; the returns desk still takes those as an order number.
 */
export const RETURN_CODE_PREFIX = 'RET-';

export function returnCodeFor(orderNumber: string): string {
  return `${RETURN_CODE_PREFIX}${orderNumber}`;
}

/**
 * The order number in a slip's return code, or null when the text is not one. Scanners with caps
 * lock on send `ret-…`, and wedges add stray spaces: both are read.
 */
export function orderNumberInReturnCode(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length <= RETURN_CODE_PREFIX.length) return null;
  if (trimmed.slice(0, RETURN_CODE_PREFIX.length).toUpperCase() !== RETURN_CODE_PREFIX) return null;
  const number = trimmed.slice(RETURN_CODE_PREFIX.length).trim();
  return number.length > 0 ? number : null;
}
