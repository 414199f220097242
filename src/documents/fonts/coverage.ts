import type { FontFace } from './face';

/** Printed in place of a character the font lacks and that has no plain-letter form. */
export const REPLACEMENT = '?';

export interface PrintableText {
  /** Subset glyph ids, one per printed character. */
  gids: number[];
  /** The text as printed (after replacements), for measuring and for tests. */
  text: string;
  /** The characters that could not be printed as they are. */
  replaced: string[];
}

const COMBINING = /\p{M}/gu;

/**
 * Turns text into glyphs the font has, on purpose rather than by accident: a character the font
 * lacks is printed as its compatibility decomposition without accents when the font has those
 * letters (ễ → e, ǅ → Dz), otherwise as "?". Control characters become spaces. Never throws.
 */
export function printable(face: FontFace, text: string): PrintableText {
  const gids: number[] = [];
  const replaced: string[] = [];
  let out = '';
  const space = face.glyphs.get(0x20) ?? 0;
  const fallback = face.glyphs.get(REPLACEMENT.charCodeAt(0)) ?? 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
      gids.push(space);
      out += ' ';
      continue;
    }
    const gid = face.glyphs.get(cp);
    if (gid !== undefined) {
      gids.push(gid);
      out += ch;
      continue;
    }
    replaced.push(ch);
    const plain = ch.normalize('NFKD').replace(COMBINING, '');
    const plainGids = [...plain].map((c) => face.glyphs.get(c.codePointAt(0) as number));
    if (plain.length > 0 && plainGids.every((g) => g !== undefined)) {
      gids.push(...(plainGids as number[]));
      out += plain;
    } else {
      gids.push(fallback);
      out += REPLACEMENT;
    }
  }
  return { gids, text: out, replaced };
}

/** Width in points of text at a font size, from the subset's advance widths (no kerning). */
export function widthOf(face: FontFace, text: string, size: number): number {
  let units = 0;
  for (const gid of printable(face, text).gids) units += face.advances[gid] ?? 0;
  return (units * size) / 1000;
}
