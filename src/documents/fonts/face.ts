import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import type { Font, Glyph } from '@pdf-lib/fontkit';

/**
 * The code points every document may print: Latin with Latin-1 and Latin Extended-A (every EU
 * language, Romanian ș ț from Extended-B), Greek, Cyrillic for Russian and Ukrainian, common
 * punctuation and currency signs, and the marks shops put in product names (inch ″ and foot ′, ⅜,
 * CO₂, ℃, ⌀, ≤, →, ✓, ♻). Anything else goes through coverage.ts's fallback. Subsetting the
 * font once per process to this set, not once per document, keeps a PDF label in milliseconds;
 * choosing the set mark by mark rather than block by block keeps the embedded font (and each
 * label) small. DejaVu Sans and its bold have every one of these that Unicode assigns.
 */
const RANGES: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x218, 0x21b],
  [0x386, 0x3ce],
  [0x400, 0x45f],
  [0x490, 0x491],
  [0x1e9e, 0x1e9e],
  // Typographic spaces (fr-FR numbers use U+202F), dashes, quotes, per mille, primes, fraction slash.
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x202f, 0x203a],
  [0x2044, 0x2044],
  // Superscript and subscript digits: m⁴, CO₂, H₂O.
  [0x2070, 0x2070],
  [0x2074, 0x2079],
  [0x2080, 0x2089],
  // Hryvnia, euro, rouble: the currencies of the scripts above.
  [0x20ac, 0x20ac],
  [0x20b4, 0x20b4],
  [0x20bd, 0x20bd],
  // ℃ ℉ ℓ № ℗ ℠ ™ Ω ℮ (the "estimated" mark on prepacked goods).
  [0x2103, 0x2103],
  [0x2109, 0x2109],
  [0x2113, 0x2113],
  [0x2116, 0x2117],
  [0x2120, 0x2120],
  [0x2122, 0x2122],
  [0x2126, 0x2126],
  [0x212e, 0x212e],
  // Vulgar fractions ⅓ ⅛ ⅜ … and Roman numerals Ⅰ–Ⅻ.
  [0x2150, 0x215f],
  [0x2160, 0x216b],
  // Arrows ← ↑ → ↓ ↔ ↕ ⇐ ⇒ ⇔.
  [0x2190, 0x2195],
  [0x21d0, 0x21d4],
  // ∅ ∆ ∑ − ∓ ∕ ∙ √ ∞ ≈ ≠ ≤ ≥ and the diameter sign ⌀.
  [0x2205, 0x2206],
  [0x2211, 0x2215],
  [0x2219, 0x221a],
  [0x221e, 0x221e],
  [0x2248, 0x2248],
  [0x2260, 0x2260],
  [0x2264, 0x2265],
  [0x2300, 0x2300],
  // ■ □ ▲ ▼ ◆ ○ ● ★ ☆ ♻ ⚠ ⚡ ✓ ✔ ✕ ✖ ✗ ✘ ❄ ❤.
  [0x25a0, 0x25a1],
  [0x25b2, 0x25b2],
  [0x25bc, 0x25bc],
  [0x25c6, 0x25c6],
  [0x25cb, 0x25cb],
  [0x25cf, 0x25cf],
  [0x2605, 0x2606],
  [0x267b, 0x267b],
  [0x26a0, 0x26a1],
  [0x2713, 0x2718],
  [0x2744, 0x2744],
  [0x2764, 0x2764],
];

/** A font subset ready to embed: everything a PDF needs, computed once and shared. */
export interface FontFace {
  /** PostScript name with the subset tag, e.g. PDKAAA+DejaVuSans. */
  baseName: string;
  /** Subset glyph id for a code point, or undefined when the subset lacks it. */
  glyphs: ReadonlyMap<number, number>;
  /** Advance widths in 1/1000 em, indexed by subset glyph id. */
  advances: readonly number[];
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: [number, number, number, number];
  /** The subset TrueType file, deflated, and its inflated length. */
  fontFile: Uint8Array;
  fontFileLength: number;
  /** The W array of the CIDFont as PDF source text. */
  widthsSource: string;
  /** The ToUnicode CMap, deflated, so pdftotext gives back the text. */
  toUnicode: Uint8Array;
}

function encodeSubset(subset: ReturnType<Font['createSubset']>): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    // fontkit's subset stream only emits data and end; an encoding fault throws synchronously.
    subset
      .encodeStream()
      .on('data', (bytes: Uint8Array) => parts.push(bytes))
      .on('end', () => resolve(Buffer.concat(parts)));
  });
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}

function utf16Hex(codePoint: number): string {
  return [...String.fromCodePoint(codePoint)]
    .map((c) => {
      let out = '';
      for (let i = 0; i < c.length; i++) out += hex4(c.charCodeAt(i));
      return out;
    })
    .join('');
}

function toUnicodeCMap(glyphs: ReadonlyMap<number, number>): string {
  const pairs = [...glyphs].map(([cp, gid]) => `<${hex4(gid)}> <${utf16Hex(cp)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < pairs.length; i += 100) {
    const chunk = pairs.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CIDInit /ProcSet findresource exch defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** W array in the compact "first [w1 w2 …]" form, one run for all glyphs. */
function widthsArray(advances: readonly number[]): string {
  return `[0 [${advances.join(' ')}]]`;
}

/** Subsets the TrueType font to the document character set and precomputes its PDF parts. */
export async function prepareFace(ttf: Uint8Array, tag: string): Promise<FontFace> {
  const font = fontkit.create(ttf);
  const subset = font.createSubset();
  const scale = 1000 / font.unitsPerEm;
  const glyphs = new Map<number, number>();
  const advances: number[] = [];
  const notdef = font.getGlyph(0) as Glyph;
  advances[subset.includeGlyph(notdef)] = Math.round(notdef.advanceWidth * scale);
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const glyph = font.glyphForCodePoint(cp);
      const gid = subset.includeGlyph(glyph);
      glyphs.set(cp, gid);
      advances[gid] = Math.round(glyph.advanceWidth * scale);
    }
  }
  const file = await encodeSubset(subset);
  const bbox = font.bbox;
  return {
    baseName: `${tag}+${(font.postscriptName ?? 'Font').replace(/[^A-Za-z0-9-]/g, '')}`,
    glyphs,
    advances: Array.from(advances, (w) => w ?? 0),
    ascent: Math.round(font.ascent * scale),
    descent: Math.round(font.descent * scale),
    // DejaVu's OS/2 table predates capHeight; the height of "H" is the same measure.
    capHeight: Math.round((Number.isFinite(font.capHeight) ? font.capHeight : font.glyphForCodePoint(0x48).bbox.maxY) * scale),
    bbox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => Math.round(v * scale)) as FontFace['bbox'],
    fontFile: deflateSync(file),
    fontFileLength: file.length,
    widthsSource: widthsArray(Array.from(advances, (w) => w ?? 0)),
    toUnicode: deflateSync(Buffer.from(toUnicodeCMap(glyphs), 'latin1')),
  };
}
