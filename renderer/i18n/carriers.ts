import type { TFunction } from 'i18next';

/**
 * Carriers and their services in words. Carrier names are brands and read the same in every
 * language; services are translated. A code nobody has named yet is still shown as words
 * ("express_saver" → "Express saver"), never as a raw code.
 */
export const CARRIER_NAMES: Record<string, string> = {
  inpost: 'InPost',
  dpd: 'DPD',
  dhl: 'DHL',
  ups: 'UPS',
  gls: 'GLS',
  fedex: 'FedEx',
  pocztex: 'Pocztex',
  poczta_polska: 'Poczta Polska',
  orlen: 'Orlen Paczka',
  own: 'Own transport',
};

export const enServices: Record<string, string> = {
  locker_standard: 'Parcel locker',
  courier_standard: 'Courier',
  classic: 'Classic courier',
  pickup: 'Pickup point',
  parcel: 'Parcel',
  servicepoint: 'Service point',
  paket: 'Parcel (Paket)',
  standard: 'Standard',
  express_saver: 'Express Saver',
  kurier48: 'Courier 48 h',
  ekspres24: 'Express 24 h',
  parcel_connect: 'Parcel Connect',
};

export const plServices: Record<string, string> = {
  locker_standard: 'Paczkomat',
  courier_standard: 'Kurier',
  classic: 'Kurier Classic',
  pickup: 'Punkt odbioru',
  parcel: 'Paczka',
  servicepoint: 'Punkt usługowy',
  paket: 'Paczka (Paket)',
  standard: 'Standard',
  express_saver: 'Express Saver',
  kurier48: 'Kurier 48',
  ekspres24: 'Ekspres 24',
  parcel_connect: 'Parcel Connect',
};

function words(code: string): string {
  const spaced = code.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The locker or pickup point in words, with the name and address the shop gave:
 * "InPost parcel locker WAW123M, Warszawa, ul. Marszałkowska 1" / "Paczkomat InPost WAW123M, …".
 */
export function pickupPointText(t: TFunction, carrierCode: string | null, service: string | null, point: { id: string; name: string | null }): string {
  const carrier = carrierCode ? (CARRIER_NAMES[carrierCode.toLowerCase()] ?? words(carrierCode)) : '';
  const locker = /inpost|paczkomat/i.test(carrierCode ?? '') || /locker|paczkomat/i.test(service ?? '');
  const said = t(locker ? 'pack.pickup.locker' : 'pack.pickup.point', { carrier, id: point.id })
    .replace(/\s+/g, ' ')
    .trim();
  return point.name ? `${said}, ${point.name}` : said;
}

/** "InPost · Parcel locker" for ('inpost', 'locker_standard'); '—' when the order names no carrier. */
export function carrierText(t: TFunction, carrierCode: string | null, service: string | null): string {
  const carrier = carrierCode ? (CARRIER_NAMES[carrierCode.toLowerCase()] ?? words(carrierCode)) : null;
  const serviceName = service ? t(`services.${service}`, { defaultValue: words(service) }) : null;
  return [carrier, serviceName].filter(Boolean).join(' · ') || '—';
}
