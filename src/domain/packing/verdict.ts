/** What the station answers to one scan. Each has its own sound, colour and sentence in the UI. */
export const VERDICTS = [
  'accepted',
  'line_complete',
  'order_complete',
  'box_chosen',
  'wrong_item',
  'too_many',
  'unknown_barcode',
  'bad_check_digit',
  'invalid_barcode',
  'serial_required',
  'duplicate_serial',
  'lot_required',
  'expired_lot',
  'expiry_required',
  'invalid_expiry',
  'quantity_required',
  'acknowledge_first',
] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts that stop the line: the packer must acknowledge before the next scan counts. */
export const ERROR_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>([
  'wrong_item',
  'too_many',
  'unknown_barcode',
  'bad_check_digit',
  'invalid_barcode',
  'duplicate_serial',
  'expired_lot',
  'invalid_expiry',
]);

/** Verdicts that ask the packer for one more thing (a serial, a lot, its expiry, a quantity) before the unit counts. */
export const PROMPT_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(['serial_required', 'lot_required', 'expiry_required', 'quantity_required']);

export function isErrorVerdict(verdict: Verdict): boolean {
  return ERROR_VERDICTS.has(verdict);
}
