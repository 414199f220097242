import type { FontFace } from '../fonts/face';
import { widthOf } from '../fonts/coverage';
import type { FaceName, PageCanvas } from './canvas';

/** Splits text into lines no wider than `width`; a word wider than a line is broken by letters. */
export function wrap(face: FontFace, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (widthOf(face, candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      while (widthOf(face, rest, size) > width) {
        const chars = [...rest];
        let cut = chars.length - 1;
        while (cut > 1 && widthOf(face, chars.slice(0, cut).join(''), size) > width) cut--;
        lines.push(chars.slice(0, cut).join(''));
        rest = chars.slice(cut).join('');
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

export interface FittedText {
  lines: string[];
  size: number;
  lineHeight: number;
}

const LEADING = 1.18;
/** Below this nothing is legible; text still shrinks past it rather than being cut off. */
const LAST_RESORT_SIZE = 3;

/**
 * Wraps text into a box, shrinking the font from `size` in half-point steps until every line
 * fits. Text is never clipped: it only ever gets smaller.
 */
export function fitText(face: FontFace, text: string, box: { width: number; height: number }, size: number): FittedText {
  for (let s = size; ; s -= 0.5) {
    const lines = wrap(face, text, s, box.width);
    const lineHeight = s * LEADING;
    if (lines.length * lineHeight <= box.height || s - 0.5 < LAST_RESORT_SIZE) return { lines, size: s, lineHeight };
  }
}

/** Draws fitted text from the top of its box; returns the height used. */
export function drawFitted(canvas: PageCanvas, fitted: FittedText, x: number, top: number, face: FaceName = 'regular'): number {
  fitted.lines.forEach((line, i) => canvas.text(x, top + fitted.size + i * fitted.lineHeight, line, fitted.size, face));
  return fitted.lines.length * fitted.lineHeight;
}
