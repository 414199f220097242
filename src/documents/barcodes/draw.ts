import type { PageCanvas } from '../pdf/canvas';
import type { LinearSymbol, MatrixSymbol } from './symbols';

/** Draws a linear symbol's bars as rectangles, `module` points per module. Returns its width. */
export function drawLinear(canvas: PageCanvas, symbol: LinearSymbol, x: number, top: number, module: number, height: number): number {
  for (const [start, width] of symbol.bars) canvas.rect(x + start * module, top, width * module, height);
  return symbol.widthModules * module;
}

/** The module width that makes a linear symbol fit a width, capped at `max` points. */
export function moduleToFit(symbol: LinearSymbol, width: number, max: number): number {
  return Math.min(max, width / symbol.widthModules);
}

/**
 * Draws a matrix symbol, each run of dark modules in a row as one rectangle (a QR code is then
 * a few hundred rectangles rather than a thousand). Returns its side length in points.
 */
export function drawMatrix(canvas: PageCanvas, symbol: MatrixSymbol, x: number, top: number, module: number): number {
  for (let row = 0; row < symbol.rows; row++) {
    let runStart = -1;
    for (let col = 0; col <= symbol.columns; col++) {
      const dark = col < symbol.columns && symbol.dark[row * symbol.columns + col] === true;
      if (dark && runStart < 0) runStart = col;
      if (!dark && runStart >= 0) {
        canvas.rect(x + runStart * module, top + row * module, (col - runStart) * module, module);
        runStart = -1;
      }
    }
  }
  return symbol.columns * module;
}
