import type { TFunction } from 'i18next';
import type { LabelStatusView } from '../../../src/contract/printing';
import { reasonText } from '../printing/reasons';

/**
 * Why a label did not print, in the packer's language: what went wrong, and for a printer or a
 * document that failed, the cause as the print panel words it.
 */
export function labelFaultText(t: TFunction, status: Pick<LabelStatusView, 'fault' | 'reason' | 'target'>): string {
  if (!status.fault) return '';
  const what = t(`pack.labelPrint.fault.${status.fault}`);
  const cause = status.fault === 'printer_failed' || status.fault === 'not_made' ? reasonText(t, status.reason, status.target ?? '') : '';
  return cause ? `${what} ${cause}.` : what;
}
