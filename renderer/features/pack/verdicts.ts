import type { TFunction } from 'i18next';
import type { PackingView, ScanOutcomeView } from '../../../src/contract/packing';
import type { Verdict } from '../../../src/domain/packing/verdict';
import type { SoundKind } from '../../components/sound';

/** How a verdict looks: the banner's colour family. */
export type VerdictTone = 'accepted' | 'line' | 'order' | 'box' | 'prompt' | 'error' | 'repeat';

interface VerdictLook {
  tone: VerdictTone;
  sound: SoundKind;
}

/**
 * Each verdict's colour and sound. Good news is green (deeper as more is done), a question is
 * blue with its own tone, a stop is red with the low buzz; the packer hears which without looking.
 */
export const VERDICT_LOOK: Record<Verdict, VerdictLook> = {
  accepted: { tone: 'accepted', sound: 'accepted' },
  line_complete: { tone: 'line', sound: 'line' },
  order_complete: { tone: 'order', sound: 'order' },
  box_chosen: { tone: 'box', sound: 'notice' },
  wrong_item: { tone: 'error', sound: 'error' },
  too_many: { tone: 'error', sound: 'error' },
  unknown_barcode: { tone: 'error', sound: 'error' },
  bad_check_digit: { tone: 'error', sound: 'error' },
  invalid_barcode: { tone: 'error', sound: 'error' },
  duplicate_serial: { tone: 'error', sound: 'error' },
  expired_lot: { tone: 'error', sound: 'error' },
  invalid_expiry: { tone: 'error', sound: 'error' },
  serial_required: { tone: 'prompt', sound: 'prompt' },
  lot_required: { tone: 'prompt', sound: 'prompt' },
  expiry_required: { tone: 'prompt', sound: 'prompt' },
  quantity_required: { tone: 'prompt', sound: 'prompt' },
  // The scan did not count: the error still stands. The alarm again, in the error's own colour.
  acknowledge_first: { tone: 'repeat', sound: 'error' },
};

/**
 * What to do after a verdict, with this scan's own numbers where they change the advice: a case
 * code refused for a line that still needs a few says so, or the packer hears "no more" and is lost.
 */
export function verdictHelp(t: TFunction, outcome: Pick<ScanOutcomeView, 'verdict' | 'codeUnits' | 'lineNeeds'>): string {
  const { verdict, codeUnits, lineNeeds } = outcome;
  if (verdict === 'too_many' && codeUnits !== undefined && lineNeeds !== undefined && lineNeeds > 0) {
    return t('pack.tooManyUnits', { units: codeUnits, needed: lineNeeds });
  }
  return t(`pack.verdictHelp.${verdict}`);
}

/** A scanned code as the screen shows it: control characters (GS1's separator) as their visible symbols. */
export function visibleCode(code: string): string {
  // eslint-disable-next-line no-control-regex
  return code.replace(/[\x00-\x1f\x7f]/g, (c) => String.fromCharCode(c === '\x7f' ? 0x2421 : 0x2400 + c.charCodeAt(0)));
}

/** What the scan was, for a stop: the product picked up, or the code when it names none. */
export function scannedText(t: TFunction, outcome: Pick<ScanOutcomeView, 'name' | 'sku' | 'code'>): string | null {
  if (outcome.name) return `${outcome.name} · ${outcome.sku}`;
  if (outcome.code) return t('pack.codeScanned', { code: visibleCode(outcome.code) });
  return null;
}

/** Verdicts that counted the scan into a line. */
const COUNTED = new Set<Verdict>(['accepted', 'line_complete', 'order_complete']);

/**
 * Where a counted scan leaves its line ("2 of 3 on this line"), so each scan of the same item
 * reads differently in the banner, not only in the table; null for other verdicts and kit parts.
 */
export function lineCount(t: TFunction, outcome: Pick<ScanOutcomeView, 'verdict' | 'sku'>, lines: PackingView['lines'] | undefined): string | null {
  if (!COUNTED.has(outcome.verdict) || !outcome.sku) return null;
  const line = lines?.find((l) => l.sku === outcome.sku && l.parts === null);
  return line ? t('pack.lineCount', { packed: line.packed, ordered: line.ordered }) : null;
}
