/**
 * The carriers' journal entries in words (EN, PL), for the one formatter (index.ts): the
 * carrier's label with its tracking number, a shipment held for a person, the day handed over.
 * Kept apart so the formatter stays readable; the payloads are written by app/carriers.
 */
import type { Language } from '../user';

/** Carriers as the entries name them (the payload's carrier kind). */
const CARRIERS: Record<string, string> = { inpost: 'InPost', 'poczta-polska': 'Poczta Polska', dpd: 'DPD', baselinker: 'BaseLinker', own: 'Packdesk' };

/** Entry type names, for the journal search's type column. */
export const CARRIER_ENTRY_TYPES: Record<Language, Record<string, string>> = {
  en: { 'carrier.labelled': 'Carrier label received', 'carrier.parked': 'Carrier shipment held', 'carrier.handover': 'Handed over to the carrier' },
  pl: { 'carrier.labelled': 'Etykieta przewoźnika odebrana', 'carrier.parked': 'Przesyłka wstrzymana', 'carrier.handover': 'Przekazanie przewoźnikowi' },
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);

/** The sentence of a carrier entry, or null when the type is not a carrier's. */
export function carrierEntryText(type: string, p: Record<string, unknown>, language: Language): string | null {
  const pl = language === 'pl';
  const carrier = CARRIERS[text(p.carrier) ?? ''] ?? text(p.carrier) ?? '—';
  const parcel = text(p.parcel);
  switch (type) {
    case 'carrier.labelled': {
      const number = text(p.trackingNumber);
      return pl
        ? `${carrier}: etykieta paczki ${parcel ?? '—'} odebrana${number ? `, numer przesyłki ${number}` : ''}.`
        : `${carrier} sent the label of parcel ${parcel ?? '—'}${number ? `, tracking number ${number}` : ''}.`;
    }
    case 'carrier.parked':
      return pl
        ? `${carrier}: przesyłka paczki ${parcel ?? '—'} wstrzymana do decyzji: ${text(p.reason) ?? '—'}`
        : `${carrier}: the shipment of parcel ${parcel ?? '—'} is held for a person: ${text(p.reason) ?? '—'}`;
    case 'carrier.handover': {
      const count = text(p.parcels) ?? '0';
      const number = text(p.carrierNumber);
      return pl
        ? `Przekazano przewoźnikowi ${carrier} paczki z dnia ${text(p.date) ?? '—'} (liczba paczek: ${count})${number ? `, numer ${number}` : ''}.`
        : `Handed ${count} parcel${count === '1' ? '' : 's'} of ${text(p.date) ?? '—'} over to ${carrier}${number ? ` (number ${number})` : ''}.`;
    }
    default:
      return null;
  }
}
