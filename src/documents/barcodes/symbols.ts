import bwipjs from 'bwip-js/node';

/**
 * Barcode symbols as geometry, computed by bwip-js's encoder and drawn by us as vector
 * rectangles (documents/barcodes/draw), so they print sharp at any resolution.
 */

export interface LinearSymbol {
  kind: 'linear';
  /** Bars as [start, width] in modules from the left edge of the first bar. */
  bars: [number, number][];
  widthModules: number;
}

export interface MatrixSymbol {
  kind: 'matrix';
  columns: number;
  rows: number;
  /** Row-major, true for a dark module. */
  dark: boolean[];
}

interface LinearRaw {
  sbs: number[];
}

interface MatrixRaw {
  pixs: number[];
  pixx: number;
  pixy: number;
}

function linear(bcid: string, text: string, options: Record<string, unknown> = {}): LinearSymbol {
  const [raw] = bwipjs.raw({ bcid, text, ...options }) as unknown as LinearRaw[];
  if (!raw?.sbs) throw new Error(`bwip-js returned no bars for ${bcid}`);
  const bars: [number, number][] = [];
  let x = 0;
  raw.sbs.forEach((width, i) => {
    // sbs alternates bar, space, bar … starting with a bar.
    if (i % 2 === 0) bars.push([x, width]);
    x += width;
  });
  return { kind: 'linear', bars, widthModules: x };
}

function matrix(bcid: string, text: string, options: Record<string, unknown> = {}): MatrixSymbol {
  const [raw] = bwipjs.raw({ bcid, text, ...options }) as unknown as MatrixRaw[];
  if (!raw?.pixs) throw new Error(`bwip-js returned no modules for ${bcid}`);
  return { kind: 'matrix', columns: raw.pixx, rows: raw.pixy, dark: raw.pixs.map((p) => p === 1) };
}

/** GS1-128 of an SSCC: FNC1, AI 00, the 18 digits. bwip-js also verifies the check digit. */
export function ssccSymbol(sscc: string): LinearSymbol {
  return linear('gs1-128', `(00)${sscc}`);
}

/** Plain Code 128 (tracking numbers, return codes). */
export function code128Symbol(text: string): LinearSymbol {
  return linear('code128', text);
}

/**
 * QR with error correction M. The mask is fixed rather than searched: all eight masks are valid
 * for every reader, and evaluating them is most of bwip-js's QR time (about 2 ms of 2.5).
 */
export function qrSymbol(text: string): MatrixSymbol {
  return matrix('qrcode', text, { eclevel: 'M', mask: 1 });
}

/** Plain DataMatrix (ECC 200). */
export function dataMatrixSymbol(text: string): MatrixSymbol {
  return matrix('datamatrix', text);
}
