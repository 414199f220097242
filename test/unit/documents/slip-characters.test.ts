import { describe, expect, it } from 'vitest';
import { demoCatalog } from '../../../src/app/demo/catalog';
import type { PackingSlipInput } from '../../../src/domain/documents';
import { printable, widthOf } from '../../../src/documents/fonts/coverage';
import { loadFaces } from '../../../src/documents/fonts/faces';
import { renderPackingSlip } from '../../../src/documents/slip/packing-slip';
import { SHOP, slipInput } from '../../fixtures/documents/inputs';
import { pdfFonts, pdfText } from './tools';

const HOSE = 'Wąż ogrodowy ½″, 15 m';

function shipping(names: string[]): PackingSlipInput['shipped'] {
  return names.map((name, i) => ({ sku: `SKU-${String(i + 1).padStart(4, '0')}`, name, quantity: 1, serials: [], lots: [] }));
}

/** pdftotext breaks wrapped cells into lines; what was printed is the same text with any whitespace. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('characters on the packing slip', () => {
  it('prints the double prime of "½″" as itself, from the embedded DejaVu Sans subset', async () => {
    const slip = await renderPackingSlip(await loadFaces(), slipInput(0, { shipped: shipping([HOSE]) }));
    expect(slip.replacedCharacters).toEqual([]);
    const text = pdfText(slip.bytes);
    expect(text).toContain(HOSE);
    expect(text).not.toContain('?');
    const fonts = pdfFonts(slip.bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) {
      expect(row[0]).toMatch(/^[A-Z]{6}\+DejaVuSans/);
      expect(row.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }
  });

  it('prints every product name of the demo catalogue without a replacement', async () => {
    const faces = await loadFaces();
    const names = demoCatalog().products.map((p) => p.name);
    for (const name of names) expect(printable(faces.regular, name).replaced, name).toEqual([]);
    const slip = await renderPackingSlip(faces, slipInput(0, { shipped: shipping(names) }));
    expect(slip.replacedCharacters).toEqual([]);
    const text = flat(pdfText(slip.bytes));
    expect(text).not.toContain('?');
    for (const name of names) expect(text, name).toContain(flat(name));
  });

  it('has the marks shops put in product names, in regular and in bold', async () => {
    const faces = await loadFaces();
    const marks = '½ ¼ ¾ ″ ′ ° ± × ™ ® © € ‰ ✓ → ≤ ≥ µ Ω ⌀ ℃ CO₂ ⅜ ♻ № ‑ – — „“ Ωμέγα Щука Ґанок';
    expect(printable(faces.regular, marks)).toMatchObject({ text: marks, replaced: [] });
    expect(printable(faces.bold, marks)).toMatchObject({ text: marks, replaced: [] });
  });

  it('still prints a name with characters the font lacks, as plain letters or "?", in regular and bold', async () => {
    const faces = await loadFaces();
    const odd = 'Zestaw 🎁 茶 ǅ ễ ₿';
    expect(printable(faces.regular, odd)).toMatchObject({ text: 'Zestaw ? ? Dz e ?', replaced: ['🎁', '茶', 'ǅ', 'ễ', '₿'] });
    expect(printable(faces.bold, odd).text).toBe('Zestaw ? ? Dz e ?');
    expect(widthOf(faces.regular, odd, 9)).toBeCloseTo(widthOf(faces.regular, 'Zestaw ? ? Dz e ?', 9), 6);
    const slip = await renderPackingSlip(faces, slipInput(0, { shop: { ...SHOP, name: `Sklep ${odd}` }, shipped: shipping([odd]) }));
    expect([...slip.replacedCharacters].sort()).toEqual(['🎁', '茶', 'ǅ', 'ễ', '₿'].sort());
    const text = pdfText(slip.bytes);
    expect(text).toContain('Sklep Zestaw ? ? Dz e ?');
    expect(text).toContain('Zestaw ? ? Dz e ?');
  });
});
