import { describe, expect, it } from 'vitest';
import { DECISION_PROBLEMS } from '../../../../src/domain/returns/decision';
import { REFUSAL_KEYS, WARNING_KEYS } from '../../../../src/domain/returns/eligibility';
import { sentence, sentenceTemplate } from '../../../../src/domain/returns/sentences';

describe('the rules in words', () => {
  it('has a sentence in English and Polish for every refusal, warning and problem', () => {
    for (const key of [...REFUSAL_KEYS, ...WARNING_KEYS, ...DECISION_PROBLEMS, 'too_many' as const]) {
      expect(sentenceTemplate(key, 'en').length, key).toBeGreaterThan(10);
      expect(sentenceTemplate(key, 'pl').length, key).toBeGreaterThan(10);
      expect(sentenceTemplate(key, 'pl'), key).not.toBe(sentenceTemplate(key, 'en'));
      const names = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(names(sentenceTemplate(key, 'pl')), key).toEqual(names(sentenceTemplate(key, 'en')));
    }
  });

  it('fills in the params, words translated and data as it is', () => {
    const params = { days: 14, countedFrom: 'delivery', startDay: '2026-11-03', lastDay: '2026-11-17', declaredOn: '2026-11-18' };
    expect(sentence('window_closed', params, 'en')).toBe(
      'The 14-day return window ended on 2026-11-17 (counted from delivery on 2026-11-03); the customer withdrew on 2026-11-18.',
    );
    expect(sentence('window_closed', params, 'pl')).toBe(
      'Termin zwrotu (14 dni) minął 2026-11-17 (liczony od doręczenia 2026-11-03); klient odstąpił od umowy 2026-11-18.',
    );
    expect(sentence('not_returnable', { sku: 'other', name: 'Tabliczka', reason: 'custom_made' }, 'pl')).toBe(
      'Tabliczka (other) nie podlega zwrotowi: wykonany na zamówienie klienta.',
    );
    expect(sentence('serial_needed', {}, 'en')).toBe('{{name}} ({{sku}}) is serial-numbered: scan its serial number.');
  });
});
