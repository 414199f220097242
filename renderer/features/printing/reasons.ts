import type { TFunction } from 'i18next';

/**
 * The printer adapters explain failures in English for the log; the packer reads the common
 * ones in their own language, and anything unrecognised as it came.
 */
export function reasonText(t: TFunction, reason: string | null, target: string, manager = false): string {
  if (!reason) return '';
  if (/refused the connection|ECONNREFUSED/.test(reason)) return t('printing.reason.refused', { target });
  if (/cannot be reached|EHOSTUNREACH|ENETUNREACH/.test(reason)) return t('printing.reason.unreachable', { target });
  if (/did not answer within/.test(reason)) return t('printing.reason.silent', { target });
  if (/is not known|ENOTFOUND/.test(reason)) return t('printing.reason.unknownHost', { target });
  if (/^No printer at station/.test(reason)) return t(manager ? 'printing.reason.noPrinterManager' : 'printing.reason.noPrinter');
  if (/^Label settings are not set up/.test(reason)) return t('printing.reason.labelSettings');
  // The document worker's words for a carrier label that has not come (app/documents/document-worker).
  const waiting = /^The carrier's label for parcel (\d+) of (.+?) has not come yet/.exec(reason);
  if (waiting) return t('printing.reason.carrierWaiting', { parcel: waiting[1], order: waiting[2] });
  return t('printing.reason.other', { reason });
}
