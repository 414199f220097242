import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { CARRIER_NAMES, carrierText, enServices, plServices } from '../../../../renderer/i18n/carriers';

const en = i18next.createInstance();
const pl = i18next.createInstance();
beforeAll(async () => {
  await en.init({ lng: 'en', resources: { en: { translation: { services: enServices } } } });
  await pl.init({ lng: 'pl', resources: { pl: { translation: { services: plServices } } } });
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
});
