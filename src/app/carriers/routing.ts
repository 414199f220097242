/**
 * Which carrier an order goes with, and with which of its services, from the order's carrier
 * code and service as the shop sent them ("inpost" / "locker", "InPost Paczkomaty 24/7", "dpd",
 * "pocztex" …) and the carrier accounts the station holds. Pure: the composition root builds the
 * adapters.
 */
import type { CarrierAccount } from '../../contract/carriers';
import type { CarrierKind, CarrierLabelFormat, CarrierLabelSize } from '../ports/carriers';

/** The carrier an order's carrier code names, among the carriers the station holds an account for; null when none. */
export function carrierKindFor(carrierCode: string | null, accounts: readonly CarrierAccount[]): CarrierKind | null {
  if (!carrierCode) return null;
  const code = carrierCode.trim().toLowerCase();
  const held = new Set(accounts.map((a) => a.kind));
  // A BaseLinker courier account names the courier code BaseLinker gives its orders.
  const bl = accounts.find((a) => a.kind === 'baselinker');
  if (bl && bl.kind === 'baselinker' && bl.courierCode.toLowerCase() === code) return 'baselinker';
  const named: CarrierKind | null = /inpost|paczkomat/.test(code)
    ? 'inpost'
    : /\bdpd/.test(code)
      ? 'dpd'
      : /poczta|pocztex|^pp\b|envelo/.test(code)
        ? 'poczta-polska'
        : /^own/.test(code)
          ? 'own'
          : null;
  return named && held.has(named) ? named : null;
}

/** The carrier's own service code for an order's service (docs/carriers.md lists each carrier's). */
export function carrierServiceFor(kind: CarrierKind, service: string | null, carrierCode: string | null): string {
  const said = `${carrierCode ?? ''} ${service ?? ''}`.toLowerCase();
  switch (kind) {
    case 'inpost':
      if (service?.startsWith('inpost_')) return service;
      return /locker|paczkomat/.test(said) ? 'inpost_locker_standard' : 'inpost_courier_standard';
    case 'poczta-polska':
      if (service && ['pocztex_kurier_48', 'paczka_pocztowa', 'paczka_pocztowa_priorytetowa'].includes(service)) return service;
      return /priorytet/.test(said) ? 'paczka_pocztowa_priorytetowa' : 'pocztex_kurier_48';
    case 'dpd':
      return service ?? 'classic';
    case 'baselinker':
      return service ?? '';
    case 'own':
      return service ?? 'own';
  }
}

/** The label formats each carrier can send (docs/carriers.md); BaseLinker's courier account decides its own. */
const LABEL_FORMATS: Record<CarrierKind, readonly CarrierLabelFormat[]> = {
  inpost: ['pdf', 'zpl', 'epl'],
  'poczta-polska': ['pdf', 'zpl'],
  dpd: ['pdf', 'zpl', 'epl'],
  baselinker: [],
  own: ['pdf', 'zpl'],
};

/**
 * The label as this station's label printer wants it: in the printer's format where the carrier
 * has it (else the account's), on the printer's stock (A6 where nobody has said: it fits 4×6 too).
 */
export function stationLabelFor(
  kind: CarrierKind,
  account: { format: CarrierLabelFormat; size: CarrierLabelSize },
  printer: { format: string; labelSize?: CarrierLabelSize | null } | null,
): { format: CarrierLabelFormat; size: CarrierLabelSize } {
  if (!printer) return account;
  const format = LABEL_FORMATS[kind].find((f) => f === printer.format) ?? account.format;
  return { format, size: printer.labelSize ?? account.size };
}

/** The label the station asks the carrier for: the account's format (BaseLinker's courier account decides its own). */
export function carrierLabelFor(account: CarrierAccount): { format: CarrierLabelFormat; size: CarrierLabelSize } {
  return { format: 'labelFormat' in account ? account.labelFormat : 'pdf', size: 'a6' };
}
