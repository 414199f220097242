import { describe, it, expect } from 'vitest';
import i18next from 'i18next';
import { ERROR_CODES } from '../../../../src/contract/errors';
import { ERROR_VERDICTS, VERDICTS } from '../../../../src/domain/packing/verdict';
import { en } from '../../../../renderer/i18n/en';
import { pl } from '../../../../renderer/i18n/pl';
import { errorText } from '../../../../renderer/i18n/error-text';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)));
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');

describe('translations', () => {
  const enKeys = leaves(en as Tree);
  const plKeys = leaves(pl as Tree);

  it('has a Polish text for every English one and nothing Polish-only', () => {
    expect([...new Set(plKeys.map(base))].sort()).toEqual([...new Set(enKeys.map(base))].sort());
  });

  it('gives every Polish plural all the forms Polish needs', () => {
    // Verdict texts are keyed by verdict name, and 'too_many' only looks like a plural form.
    const byVerdict = /^pack\.verdict(Help)?\./;
    const plurals = new Set(plKeys.filter((k) => PLURAL.test(k) && !byVerdict.test(k)).map(base));
    for (const key of plurals) {
      for (const form of ['one', 'few', 'many', 'other']) expect(plKeys).toContain(`${key}_${form}`);
    }
  });

  it('names every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(enKeys).toContain(`errors.${code}`);
      expect(plKeys).toContain(`errors.${code}`);
    }
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const lookup = (tree: Tree, key: string) => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k] as string | Tree, tree) as string;
    for (const key of enKeys) {
      const plKey = plKeys.includes(key) ? key : plKeys.find((k) => base(k) === base(key));
      expect(placeholders(lookup(pl as Tree, plKey ?? key)), key).toEqual(placeholders(lookup(en as Tree, key)));
    }
  });

  it('names every verdict in both languages, with what to do after each stop', () => {
    for (const verdict of VERDICTS) {
      expect(en.pack.verdict[verdict]).not.toBe('');
      expect(pl.pack.verdict[verdict]).not.toBe('');
      if (ERROR_VERDICTS.has(verdict)) expect(pl.pack.verdictHelp[verdict]).not.toBe('');
    }
    expect(pl.pack.verdict.wrong_item).toBe('ZŁY TOWAR');
  });

  it('writes Polish with its own letters', () => {
    expect(pl.login.scanTitle).toBe('Zeskanuj swój identyfikator');
    expect(pl.errors.ORDER_OPEN_ELSEWHERE).toContain('stanowisku');
  });
});

describe('errorText', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { en: { translation: en }, pl: { translation: pl } }, lng: 'pl', initAsync: false, interpolation: { escapeValue: false } });

  it('fills in the station that holds an order', () => {
    const text = errorText(i18n.t, { code: 'ORDER_OPEN_ELSEWHERE', message: 'x', params: { station: 'ST-02' } });
    expect(text).toBe('To zamówienie jest otwarte na stanowisku ST-02.');
  });

  it('tells a PIN guesser how long to wait', () => {
    expect(errorText(i18n.t, { code: 'PIN_WRONG', message: 'x', params: { seconds: 42 } })).toContain('42 s');
    expect(errorText(i18n.t, { code: 'PIN_WRONG', message: 'x' })).toBe('Błędne nazwisko lub PIN.');
  });

  it('counts blockers and backorders with Polish plurals', () => {
    expect(i18n.t('pack.blocker.lines_incomplete', { count: 2 })).toBe('2 pozycje niekompletne');
    expect(i18n.t('pack.blocker.lines_incomplete', { count: 5 })).toBe('5 pozycji niekompletnych');
    expect(i18n.t('pack.done.parcels', { count: 5 })).toBe('5 paczek');
  });

  it('uses Polish plural forms', () => {
    expect(i18n.t('queue.count', { count: 1 })).toBe('1 zamówienie');
    expect(i18n.t('queue.count', { count: 3 })).toBe('3 zamówienia');
    expect(i18n.t('queue.count', { count: 101 })).toBe('101 zamówień');
  });
});
