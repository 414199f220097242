/**
 * Poczta Polska e-Nadawca's requests and answers in the station's terms: the shipment, address
 * and courier-pickup XML, the GUID made from the idempotency key, and the errors it answers with
 * (docs/carriers.md, Poczta Polska). No I/O: the SOAP exchange is in e-nadawca.ts.
 */
import crypto from 'node:crypto';
import { CarrierFailure, type CarrierShipment, type PickupRequest, type ShipmentRequest } from '../../app/ports/carriers';
import type { Address } from '../../domain/order';
import { dashedPostcode, decimalAmount, nationalPhone, splitStreet } from '../address';
import { el, leaf, listAt, type XmlObject } from '../xml';

export const CARRIER = 'Poczta Polska';
/** Elements e-Nadawca repeats, read as arrays even when one comes back. */

/** Services this adapter sends, by the concrete shipment type e-Nadawca takes for each. */
export const SERVICES: Record<string, { type: string; kategoria?: string }> = {
  pocztex_kurier_48: { type: 'przesylkaBiznesowaType' },
  paczka_pocztowa: { type: 'paczkaPocztowaType', kategoria: 'EKONOMICZNA' },
  paczka_pocztowa_priorytetowa: { type: 'paczkaPocztowaType', kategoria: 'PRIORYTETOWA' },
};

/**
 * e-Nadawca takes a 32-character GUID from the client for each shipment: made from the
 * idempotency key, a retry of the same shipment always carries the same GUID.
 */
export function guidOf(idempotencyKey: string): string {
  return crypto.createHash('sha256').update(`packdesk:${idempotencyKey}`).digest('hex').slice(0, 32).toUpperCase();
}

/** Pocztex size by the box, in mm sorted smallest first (S 9×40×65 cm, M 20×40×65, L 42×40×65, else XL). */
export function pocztexSize(dimensionsMm: { length: number; width: number; height: number } | null): string {
  if (!dimensionsMm) return 'M';
  const box = [dimensionsMm.length, dimensionsMm.width, dimensionsMm.height].sort((a, b) => a - b);
  const fits = (slot: number[]) => box.every((d, i) => d <= (slot[i] as number));
  if (fits([90, 400, 650])) return 'S';
  if (fits([200, 400, 650])) return 'M';
  if (fits([400, 420, 650])) return 'L';
  return 'XL';
}

export function errorsIn(node: XmlObject | undefined): { number: string; text: string }[] {
  return listAt(node, 'error').map((e) => ({ number: String(e['@errorNumber'] ?? ''), text: String(e['@errorDesc'] ?? '').trim() }));
}

export function said(errors: { number: string; text: string }[]): string {
  return errors.map((e) => (e.number ? `${e.text} (error ${e.number})` : e.text)).join('; ');
}

/** zamowKuriera's children: where and when the courier collects, how many parcels and how heavy (kg, at least 1). */
export function courierPickupXml(pickup: PickupRequest): string {
  return [
    addressXml('miejsceOdbioru', pickup.address),
    leaf('oczekiwanaDataOdbioru', pickup.date),
    leaf('oczekiwanaGodzinaOdbioru', `${pickup.from}-${pickup.to}`),
    leaf('szacowanaIloscPrzeslek', pickup.parcelCount),
    leaf('szacowanaLacznaMasaPrzesylek', Math.max(1, Math.round(pickup.totalWeightGrams / 1000))),
    leaf('potwierdzenieZamowieniaEmail', pickup.address.email),
  ].join('');
}

/** One parcel as an e-Nadawca shipment of the service's type, with its GUID, COD to the shop's account and insurance. */
export function shipmentXml(request: ShipmentRequest, guid: string, codAccount: string | null): string {
  const service = SERVICES[request.service];
  if (!service) {
    throw new CarrierFailure(
      'invalid',
      'carrier.unsupported',
      `Poczta Polska's service "${request.service}" is not one the station sends (${Object.keys(SERVICES).join(', ')}).`,
      { carrier: CARRIER, service: request.service },
    );
  }
  if (request.pickupPoint) {
    throw new CarrierFailure(
      'invalid',
      'carrier.unsupported',
      'Delivery to a Poczta Polska pickup point is not supported yet; ship this order to the address.',
      {
        carrier: CARRIER,
      },
    );
  }
  const grams = Math.max(1, Math.round(request.parcel.weightGrams));
  const value = request.declaredValue ? Math.round(request.declaredValue.minor) : undefined;
  const insurance = request.declaredValue ? el('ubezpieczenie', { rodzaj: 'STANDARD', kwota: decimalAmount(request.declaredValue.minor) }) : null;
  const common = { 'xsi:type': `en:${service.type}`, guid, masa: grams, wartosc: value, opis: request.reference.slice(0, 500) };
  if (service.type === 'paczkaPocztowaType') {
    if (request.cod) {
      throw new CarrierFailure(
        'invalid',
        'carrier.unsupported',
        'A Poczta Polska parcel (paczka pocztowa) is sent without cash on delivery; use Pocztex Kurier 48.',
        {
          carrier: CARRIER,
        },
      );
    }
    const gabaryt = pocztexSize(request.parcel.dimensionsMm) === 'XL' ? 'GABARYT_B' : 'GABARYT_A';
    return el(
      'przesylki',
      { ...common, kategoria: service.kategoria, gabaryt },
      addressXml('adres', request.receiver),
      addressXml('nadawca', request.sender),
      insurance,
    );
  }
  let cod: string | null = null;
  if (request.cod) {
    if (!codAccount) {
      throw new CarrierFailure(
        'invalid',
        'carrier.not_set_up',
        'Cash on delivery with Poczta Polska needs the bank account it is paid to (Settings → Carriers).',
        {
          carrier: CARRIER,
        },
      );
    }
    cod = el('pobranie', {
      sposobPobrania: 'RACHUNEK_BANKOWY',
      kwotaPobrania: Math.round(request.cod.minor),
      nrb: codAccount.replace(/\s/g, ''),
      tytulem: request.reference.slice(0, 54),
    });
  }
  return el(
    'przesylki',
    { ...common, gabaryt: pocztexSize(request.parcel.dimensionsMm), numerPrzesylkiKlienta: request.reference.slice(0, 20) },
    addressXml('adres', request.receiver),
    addressXml('nadawca', request.sender),
    cod,
    insurance,
  );
}

export function addressXml(name: string, address: Address): string {
  const { street, building, flat } = splitStreet(address.street);
  const phone = nationalPhone(address.phone);
  return el(name, {
    nazwa: (address.company ?? address.name).slice(0, 60),
    nazwa2: address.company ? address.name.slice(0, 60) : undefined,
    ulica: street.slice(0, 255),
    numerDomu: building.slice(0, 11) || undefined,
    numerLokalu: flat?.slice(0, 11),
    miejscowosc: address.city.slice(0, 63),
    kodPocztowy: dashedPostcode(address.postcode),
    kraj: address.country === 'PL' ? 'Polska' : address.country,
    telefon: phone ?? undefined,
    mobile: phone ?? undefined,
    email: address.email ?? undefined,
  });
}

export function toShipment(guid: string, trackingNumber: string, reference: string): CarrierShipment {
  return {
    carrier: 'poczta-polska',
    shipmentId: guid,
    trackingNumber: trackingNumber || null,
    status: trackingNumber ? 'confirmed' : 'pending',
    carrierStatus: trackingNumber ? 'in_buffer' : 'no_number',
    reference,
  };
}
