import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { overlayLine } from '../../../../renderer/video/overlay';
import { returnsErrorText } from '../../../../renderer/features/returns/words';
import { en } from '../../../../renderer/i18n/en';
import { pl } from '../../../../renderer/i18n/pl';

describe('the line burned into every frame', () => {
  it('leads a return’s clip with the return number and names its order, the handler and the desk', () => {
    expect(overlayLine({ orderNumber: 'PD-100011', returnNumber: 'R-2026-000003', person: 'Agnieszka Kamińska', station: 'ST-03 Zwroty' })).toBe(
      'R-2026-000003  ·  PD-100011  ·  Agnieszka Kamińska  ·  ST-03 Zwroty',
    );
  });

  it('names the order, the packer and the station on a packing clip, as before', () => {
    expect(overlayLine({ orderNumber: 'PD-100011', returnNumber: null, person: 'Anna Kowalska', station: 'ST-01 Stanowisko 1' })).toBe(
      'PD-100011  ·  Anna Kowalska  ·  ST-01 Stanowisko 1',
    );
  });
});

describe('a decision refused for want of video, at the returns desk', () => {
  it('is said of the return, in English and Polish', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, pl: { translation: pl } }, lng: 'en', interpolation: { escapeValue: false } });
    const error = { code: 'VIDEO_REQUIRED' as const, message: 'x', params: { return: 'R-2026-000003' } };
    expect(returnsErrorText(i18n.getFixedT('en'), error, 'en')).toBe(
      'This desk records every return, and return R-2026-000003 has no video. Fix the camera, then decide.',
    );
    expect(returnsErrorText(i18n.getFixedT('pl'), error, 'pl')).toBe(
      'To stanowisko nagrywa każdy zwrot, a zwrot R-2026-000003 nie ma nagrania. Napraw kamerę, potem zdecyduj.',
    );
    // At packing (no return named) it stays the packing sentence.
    expect(returnsErrorText(i18n.getFixedT('en'), { ...error, params: { session: 4 } }, 'en')).toMatch(/records every parcel/);
  });
});
