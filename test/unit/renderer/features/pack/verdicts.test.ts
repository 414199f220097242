import i18next from 'i18next';
import { describe, it, expect } from 'vitest';
import { ERROR_VERDICTS, PROMPT_VERDICTS, VERDICTS } from '../../../../../src/domain/packing/verdict';
import { lineCount, scannedText, VERDICT_LOOK, verdictHelp } from '../../../../../renderer/features/pack/verdicts';
import { en } from '../../../../../renderer/i18n/en';
import { pl } from '../../../../../renderer/i18n/pl';
import { SHORTCUTS, shortcutFor } from '../../../../../renderer/features/pack/shortcuts';

describe('verdict looks', () => {
  it('gives every stop the error colour and the low buzz', () => {
    for (const verdict of ERROR_VERDICTS) expect(VERDICT_LOOK[verdict]).toEqual({ tone: 'error', sound: 'error' });
  });

  it('asks every question in its own colour and tone', () => {
    for (const verdict of PROMPT_VERDICTS) expect(VERDICT_LOOK[verdict]).toEqual({ tone: 'prompt', sound: 'prompt' });
  });

  it('lets a packer hear accepted, line complete and order complete apart', () => {
    const sounds = ['accepted', 'line_complete', 'order_complete'].map((v) => VERDICT_LOOK[v as 'accepted'].sound);
    expect(new Set(sounds).size).toBe(3);
    for (const verdict of VERDICTS) expect(VERDICT_LOOK[verdict]).toBeDefined();
  });
});

describe('verdict help', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { en: { translation: en }, pl: { translation: pl } }, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });

  it('says what a refused case code counts and what the line still needs, in both languages', () => {
    const caseCode = { verdict: 'too_many', codeUnits: 12, lineNeeds: 1 } as const;
    expect(verdictHelp(i18n.t, caseCode)).toBe('This code counts 12 units, but the line needs only 1 more. Take it out again and scan single units.');
    expect(verdictHelp(i18n.getFixedT('pl'), caseCode)).toContain('Ten kod liczy 12 szt., a pozycja potrzebuje jeszcze tylko 1.');
  });

  it('keeps "no more" for a line that is full, and the plain help elsewhere', () => {
    expect(verdictHelp(i18n.t, { verdict: 'too_many', codeUnits: 1, lineNeeds: 0 })).toBe(en.pack.verdictHelp.too_many);
    expect(verdictHelp(i18n.t, { verdict: 'wrong_item' })).toBe(en.pack.verdictHelp.wrong_item);
  });
});

describe('what was scanned', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { en: { translation: en }, pl: { translation: pl } }, lng: 'pl', initAsync: false, interpolation: { escapeValue: false } });

  it('names the product, else gives the code with its separators visible', () => {
    expect(scannedText(i18n.t, { name: 'Kubek', sku: 'MUG-01', code: undefined })).toBe('Kubek · MUG-01');
    expect(scannedText(i18n.t, { name: null, sku: null, code: ']C101123\x1d10L1' })).toBe('Zeskanowany kod: ]C101123\u241d10L1');
    expect(scannedText(i18n.t, { name: null, sku: null })).toBeNull();
  });
});

describe('where a counted scan leaves its line', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: { en: { translation: en }, pl: { translation: pl } }, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });
  const line = (sku: string, packed: number, ordered: number, parts: null | [] = null) => ({
    lineId: 1,
    sku,
    name: sku,
    ordered,
    packed,
    complete: packed === ordered,
    tracking: 'none' as const,
    fragile: false,
    bulk: false,
    parts,
  });

  it("says the line's count after each counted scan, in English and Polish", () => {
    const lines = [line('MUG-01', 2, 3), line('CUP-02', 0, 1)];
    expect(lineCount(i18n.t, { verdict: 'accepted', sku: 'MUG-01' }, lines)).toBe('2 of 3 on this line');
    expect(lineCount(i18n.getFixedT('pl'), { verdict: 'line_complete', sku: 'MUG-01' }, lines)).toBe('2 z 3 w tej pozycji');
  });

  it('says nothing for a stop, a question, a kit or an item not in the order', () => {
    const lines = [line('MUG-01', 3, 3), line('KIT-01', 0, 1, [])];
    expect(lineCount(i18n.t, { verdict: 'too_many', sku: 'MUG-01' }, lines)).toBeNull();
    expect(lineCount(i18n.t, { verdict: 'serial_required', sku: 'MUG-01' }, lines)).toBeNull();
    expect(lineCount(i18n.t, { verdict: 'accepted', sku: 'KIT-01' }, lines)).toBeNull();
    expect(lineCount(i18n.t, { verdict: 'wrong_item', sku: 'TEA-09' }, lines)).toBeNull();
  });
});

describe('shortcuts', () => {
  it('uses only keys a wedge scanner never types', () => {
    for (const { key } of SHORTCUTS) expect(key).toMatch(/^(F\d+|Escape)$/);
    expect(shortcutFor('F10')).toBe('complete');
    expect(shortcutFor('F2')).toBe('undo');
    expect(shortcutFor('2')).toBeNull();
    expect(shortcutFor('Enter')).toBeNull();
  });
});
