import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GS1_AI_TABLE, GS1_DL_ATTRIBUTES, GS1_DL_PRIMARY_KEYS } from '../../../../src/domain/barcode/gs1-ai-table';
import { describeFormat } from '../../../../src/domain/barcode/gs1-ai';

const script = new URL('../../../../scripts/gen-gs1-table.mjs', import.meta.url);
const tableFile = new URL('../../../../src/domain/barcode/gs1-ai-table.ts', import.meta.url);

interface Generator {
  DICTIONARY_PATH: string;
  generateAiTableSource(text: string): string;
  parseSyntaxDictionary(text: string): unknown[];
}

async function loadGenerator(): Promise<Generator> {
  return (await import(/* @vite-ignore */ script.href)) as Generator;
}

describe('the generated GS1 AI table', () => {
  it('is exactly what the generator makes from the dictionary (no drift)', async () => {
    const gen = await loadGenerator();
    const generated = gen.generateAiTableSource(readFileSync(gen.DICTIONARY_PATH, 'utf8'));
    expect(readFileSync(tableFile, 'utf8')).toBe(generated);
  });

  it('reads the copy of the dictionary kept in the repository, not one beside it', async () => {
    const gen = await loadGenerator();
    const vendored = fileURLToPath(new URL('../../../../data/gs1/gs1-syntax-dictionary.txt', import.meta.url));
    expect(path.resolve(gen.DICTIONARY_PATH)).toBe(vendored);
    expect(existsSync(fileURLToPath(new URL('../../../../data/gs1/LICENSE', import.meta.url)))).toBe(true);
  });

  it('expands ranges and keeps flags, components and linters', () => {
    for (let n = 3100; n <= 3105; n++) expect(GS1_AI_TABLE[String(n)]?.title).toBe('NET WEIGHT (kg)');
    expect(GS1_AI_TABLE['3106']).toBeUndefined();
    expect(Object.keys(GS1_AI_TABLE).filter((ai) => /^9[1-9]$/.test(ai))).toHaveLength(9);
    expect(GS1_AI_TABLE['01']).toEqual({
      predefinedLength: true,
      title: 'GTIN',
      components: [{ charset: 'N', min: 14, max: 14, optional: false, linters: ['csum', 'gcppos2'] }],
    });
    expect(GS1_AI_TABLE['17']?.components[0]?.linters).toEqual(['yymmd0']);
    expect(GS1_AI_TABLE['10']?.predefinedLength).toBe(false);
    expect(GS1_AI_TABLE['8010']?.components[0]?.charset).toBe('Y');
    expect(GS1_AI_TABLE['8030']?.components[0]?.charset).toBe('Z');
    expect(describeFormat(GS1_AI_TABLE['8003']!)).toBe('N1 N13 [X..16]');
    expect(describeFormat(GS1_AI_TABLE['423']!)).toBe('N3 [N3] [N3] [N3] [N3]');
  });

  it('carries the check digit test on 00, 01, 02 and 410–417', () => {
    for (const ai of ['00', '01', '02', '410', '411', '412', '413', '414', '415', '416', '417']) {
      expect(GS1_AI_TABLE[ai]?.components[0]?.linters).toContain('csum');
    }
  });

  it('keeps the Digital Link primary keys with their qualifier orders, and the data attributes', () => {
    expect(GS1_DL_PRIMARY_KEYS['00']).toEqual([[]]);
    expect(GS1_DL_PRIMARY_KEYS['01']).toEqual([['22', '10', '21'], ['235']]);
    expect(GS1_DL_PRIMARY_KEYS['414']).toEqual([['254'], ['7040']]);
    expect(GS1_DL_PRIMARY_KEYS['8010']).toEqual([['8011']]);
    expect(GS1_DL_PRIMARY_KEYS['10']).toBeUndefined();
    for (const ai of ['01', '10', '17', '3103', '99']) expect(GS1_DL_ATTRIBUTES.has(ai)).toBe(true);
    for (const ai of ['21', '22', '7040', '8011']) expect(GS1_DL_ATTRIBUTES.has(ai)).toBe(false);
  });

  it('refuses a dictionary it cannot read rather than guessing', async () => {
    const gen = await loadGenerator();
    expect(() => gen.parseSyntaxDictionary('01 *? N14,csum\n01 *? N14\n')).toThrow(/defined twice/);
    expect(() => gen.parseSyntaxDictionary('01 *? N14\n011 X..20\n')).toThrow(/prefix/);
    expect(() => gen.parseSyntaxDictionary('3105-3100 *? N6\n')).toThrow(/range/);
    expect(() => gen.parseSyntaxDictionary('10 ? req=01\n')).toThrow(/no data components/);
    expect(gen.parseSyntaxDictionary('# only comments\n\n')).toEqual([]);
    expect(() => gen.parseSyntaxDictionary('01 *? N14,csum dlpkey=22\n')).toThrow(/qualifier 22/);
    expect(() => gen.parseSyntaxDictionary('01 *? N14,csum dlpkey=2x\n')).toThrow(/dlpkey/);
  });
});
