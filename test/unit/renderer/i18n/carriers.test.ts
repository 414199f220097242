import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARRIER_NAMES, carrierText, enServices, pickupPointText, plServices } from '../../../../renderer/i18n/carriers';
import { enPack } from '../../../../renderer/i18n/en-pack';
import { plPack } from '../../../../renderer/i18n/pl-pack';

const en = i18next.createInstance();
const pl = i18next.createInstance();
beforeAll(async () => {
  await en.init({ lng: 'en', resources: { en: { translation: { services: enServices, pack: enPack } } } });
  await pl.init({ lng: 'pl', resources: { pl: { translation: { services: plServices, pack: plPack } } } });
});

describe('carriers in words', () => {
  it('names the carrier and translates the service', () => {
    expect(carrierText(en.t, 'inpost', 'locker_standard')).toBe('InPost · Parcel locker');
    expect(carrierText(pl.t, 'inpost', 'locker_standard')).toBe('InPost · Paczkomat');
    expect(carrierText(pl.t, 'pocztex', 'kurier48')).toBe('Pocztex · Kurier 48');
  });

  it('never shows a raw code, even for a carrier or service nobody named', () => {
    expect(carrierText(en.t, 'fancy_freight', 'next_day_am')).toBe('Fancy freight · Next day am');
    expect(carrierText(en.t, null, null)).toBe('—');
    expect(carrierText(en.t, 'DPD', null)).toBe('DPD');
  });

  it('has every service in both languages and every demo carrier named', () => {
    expect(Object.keys(plServices).sort()).toEqual(Object.keys(enServices).sort());
    for (const code of ['inpost', 'dpd', 'dhl', 'ups', 'pocztex']) expect(CARRIER_NAMES[code]).toBeDefined();
  });

  it('says the locker or pickup point with its id and address, never as a bare code', () => {
    const locker = { id: 'WAW123M', name: 'Warszawa, ul. Marszałkowska 1' };
    expect(pickupPointText(en.t, 'inpost', 'locker_standard', locker)).toBe('InPost parcel locker WAW123M, Warszawa, ul. Marszałkowska 1');
    expect(pickupPointText(pl.t, 'inpost', 'locker_standard', locker)).toBe('Paczkomat InPost WAW123M, Warszawa, ul. Marszałkowska 1');
    expect(pickupPointText(en.t, 'dpd', 'pickup', { id: 'PL11033', name: null })).toBe('DPD pickup point PL11033');
    expect(pickupPointText(pl.t, 'dpd', 'pickup', { id: 'PL11033', name: null })).toBe('Punkt odbioru DPD PL11033');
  });
});
