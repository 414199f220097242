/**
 * AIM symbology identifiers: "]" + a code letter + a modifier, sent by scanners in front of the
 * data when configured to. They tell which barcode was read and whether it carries GS1 data.
 */
export interface Symbology {
  /** As sent, e.g. "]d2". */
  id: string;
  /** The barcode family, e.g. "Data Matrix". */
  name: string;
  /** The modifier says the data is a GS1 element string (FNC1 in first position). */
  gs1: boolean;
}

const FAMILIES: Record<string, string> = {
  A: 'Code 39',
  C: 'Code 128',
  d: 'Data Matrix',
  E: 'EAN/UPC',
  e: 'GS1 DataBar',
  F: 'Codabar',
  G: 'Code 93',
  H: 'Code 11',
  I: 'Interleaved 2 of 5',
  J: 'DotCode',
  L: 'PDF417',
  M: 'MSI',
  Q: 'QR Code',
  R: 'Straight 2 of 5',
  S: 'Industrial 2 of 5',
  X: 'Other',
  z: 'Aztec',
};

/**
 * Identifiers whose data is a GS1 element string: FNC1 in first position (gs1/gs1-syntax-engine,
 * scandata.c; J1 DotCode), and the same with ECI for Data Matrix (d5) and QR Code (Q4), ISO/IEC
 * 15424. Every other modifier of a known family says the data is not GS1.
 */
const GS1_IDS = new Set([']C1', ']d2', ']d5', ']Q3', ']Q4', ']e0', ']J1']);

/** Names that differ from the family name for a particular modifier. */
const SPECIFIC_NAMES: Record<string, string> = {
  ']C1': 'GS1-128',
  ']d2': 'GS1 DataMatrix',
  ']d5': 'GS1 DataMatrix',
  ']Q3': 'GS1 QR Code',
  ']Q4': 'GS1 QR Code',
  ']J1': 'GS1 DotCode',
  ']E0': 'EAN-13/UPC-A/UPC-E',
  ']E3': 'EAN-13/UPC-A/UPC-E with add-on',
  ']E4': 'EAN-8',
};

/** Describes a three-character AIM identifier, or null when it is not one we know. */
export function describeSymbology(id: string): Symbology | null {
  const m = /^\]([A-Za-z])([0-9A-Za-z])$/.exec(id);
  const family = m && Object.hasOwn(FAMILIES, m[1] ?? '') ? FAMILIES[m[1] ?? ''] : undefined;
  if (!family) return null;
  return { id, name: SPECIFIC_NAMES[id] ?? family, gs1: GS1_IDS.has(id) };
}

/** Splits a leading AIM identifier off the scan data; data without one is returned whole. */
export function splitSymbology(raw: string): { symbology: Symbology | null; data: string } {
  const symbology = raw.length >= 3 ? describeSymbology(raw.slice(0, 3)) : null;
  return symbology ? { symbology, data: raw.slice(3) } : { symbology: null, data: raw };
}
