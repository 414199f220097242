import { splitSymbology } from './aim';
import { parseDigitalLink } from './digital-link';
import type { AiElement, Gs1Parse } from './gs1';
import { GS, looksBracketed, parseBracketed, parseElementString } from './gs1';
import type { GtinReading } from './gtin';
import { gtinReadings, hasValidCheckDigit, readGtin } from './gtin';

/** Longer input is not a barcode; it is refused before any parsing work is done. */
export const MAX_SCAN_LENGTH = 4096;
const SKU = /^[A-Za-z0-9\-_./]{1,64}$/;

export type ScanKind = 'gtin' | 'gs1' | 'sscc' | 'sku' | 'text';

export interface ScanReading {
  kind: ScanKind;
  /** The scan as received, without its trailing CR/LF. */
  raw: string;
  /** 14 digits: a retail code, or AI (01) of a GS1 element string. */
  gtin?: string;
  ais?: Record<string, string>;
  aiList?: AiElement[];
  /** The AIM identifier the scanner sent, e.g. "]d2". */
  symbology?: string;
  /** 18 digits: a bare SSCC, or AI (00). */
  sscc?: string;
  /**
   * The scan is more than one GTIN and nothing in it says which: an 8-digit code without ]E0 or
   * ]E4 whose check digit fits as EAN-8 and as UPC-E. `gtin` is then the first of `readings`.
   */
  ambiguous?: true;
  /** Every GTIN an ambiguous scan stands for, EAN-8 first. */
  readings?: GtinReading[];
  /** The 2- or 5-digit add-on read with an EAN/UPC code (]E3); not part of the GTIN. */
  addOn?: string;
  /** Set when the AIs came from a GS1 Digital Link URI; `stem` is what came before its primary key. */
  digitalLink?: { stem: string };
}

export type ScanProblemCode = 'empty' | 'too_long' | 'invalid_text' | 'control_characters' | 'bad_check_digit' | 'not_a_gtin' | 'gs1_invalid';

export interface ScanProblem {
  problem: ScanProblemCode;
  /** An English sentence for logs and the CLI; the screen translates by code. */
  message: string;
  detail?: { ai?: string; reason?: string; symbology?: string };
}

export type ScanResult = ScanReading | ScanProblem;

export function isScanProblem(result: ScanResult): result is ScanProblem {
  return 'problem' in result;
}

/** Position of the first C0 control other than GS (which separates GS1 fields), DEL or C1 control. */
function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x1d) || (c >= 0x7f && c <= 0x9f)) return i;
  }
  return -1;
}

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

function fromGs1(parsed: Gs1Parse, raw: string, symbology: string | undefined, linkStem?: string): ScanResult {
  if (!parsed.ok) {
    const { code, ai, message } = parsed.problem;
    return {
      problem: code === 'bad_check_digit' ? 'bad_check_digit' : 'gs1_invalid',
      message,
      detail: { reason: code, ...(ai !== undefined && { ai }), ...(symbology && { symbology }) },
    };
  }
  const { elements, ais } = parsed;
  const onlySscc = elements.every((e) => e.ai === '00');
  return {
    kind: onlySscc ? 'sscc' : 'gs1',
    raw,
    ais,
    aiList: elements,
    ...(symbology && { symbology }),
    ...(ais['01'] !== undefined && { gtin: ais['01'] }),
    ...(ais['00'] !== undefined && { sscc: ais['00'] }),
    ...(linkStem !== undefined && { digitalLink: { stem: linkStem } }),
  };
}

/**
 * Wedge scanners often drop both the AIM identifier and the GS: digits that start with AI (01),
 * (02) or (00) and parse cleanly as GS1 are taken as GS1 rather than as a shop code. (02) is
 * there for the pallet label's (02)(37) barcode, whose fixed-length (02) is as safe to spot.
 */
function unmarkedGs1(data: string): Gs1Parse | null {
  const gtinFirst = (data.startsWith('01') || data.startsWith('02')) && data.length >= 16;
  const candidate = gtinFirst || (data.startsWith('00') && data.length >= 20);
  if (!candidate || !/^\d{16}/.test(data)) return null;
  const parsed = parseElementString(data);
  return parsed.ok ? parsed : null;
}

function badCheck(message: string, symbology: string | undefined): ScanProblem {
  return { problem: 'bad_check_digit', message, ...(symbology && { detail: { symbology } }) };
}

type EanUpcId = ']E0' | ']E3' | ']E4';
const EAN_UPC_IDS: readonly string[] = [']E0', ']E3', ']E4'];

/** The lengths each EAN/UPC identifier's data may have, for the message when it has another. */
const EAN_UPC_LENGTHS: Record<EanUpcId, { lengths: readonly number[]; says: string }> = {
  ']E0': { lengths: [8, 12, 13], says: 'EAN-13, UPC-A or UPC-E has 13 digits (UPC-A 12, UPC-E 8 when sent as printed)' },
  ']E3': { lengths: [15, 18], says: 'EAN-13, UPC-A or UPC-E with an add-on has 13 digits and 2 or 5 more' },
  ']E4': { lengths: [8], says: 'EAN-8 has 8 digits' },
};

/**
 * EAN/UPC under its AIM identifier (ISO/IEC 15420 modifiers, read as gs1-syntax-engine's
 * scandata.c does): ]E0 is EAN-13, UPC-A or UPC-E sent as 13 digits, ]E3 the same 13 digits with
 * a 2- or 5-digit add-on after them, ]E4 is EAN-8. Scanners set to send UPC as printed also put
 * 12 (UPC-A) or 8 (UPC-E) digits after ]E0, so those are read too; 8 digits under ]E0 are
 * therefore UPC-E, never EAN-8, and the identifier settles what an unmarked 8-digit scan cannot.
 */
function fromEanUpc(data: string, raw: string, symbology: EanUpcId): ScanResult {
  const { lengths, says } = EAN_UPC_LENGTHS[symbology];
  if (/^\d+$/.test(data) && !lengths.includes(data.length)) {
    return { problem: 'not_a_gtin', message: `Under ${symbology} an ${says}, not ${data.length}`, detail: { symbology } };
  }
  const primary = symbology === ']E3' ? data.slice(0, 13) : data;
  const read = readGtin(primary, symbology === ']E4' ? 'ean8' : 'upce');
  if (read.ok) {
    const addOn = symbology === ']E3' ? { addOn: data.slice(13) } : {};
    return { kind: 'gtin', raw, gtin: read.gtin, ...addOn, symbology };
  }
  if (read.problem === 'bad_check_digit') return badCheck(read.message, symbology);
  return { problem: 'not_a_gtin', message: read.message, detail: { symbology } };
}

/**
 * Says what a raw scan is: a retail GTIN, a GS1 element string, an SSCC, a shop SKU or other
 * text, or why it cannot be used. Total over all strings: it never throws.
 */
export function interpretScan(input: string): ScanResult {
  let end = input.length;
  while (end > 0 && (input.charCodeAt(end - 1) === 0x0d || input.charCodeAt(end - 1) === 0x0a)) end--;
  const raw = input.slice(0, end);
  if (raw.length === 0) return { problem: 'empty', message: 'The scan is empty' };
  if (raw.length > MAX_SCAN_LENGTH) {
    return { problem: 'too_long', message: `The scan is ${raw.length} characters long; at most ${MAX_SCAN_LENGTH} are read` };
  }
  if (hasLoneSurrogate(raw)) return { problem: 'invalid_text', message: 'The scan is not valid text (broken UTF-16)' };
  const control = firstControl(raw);
  if (control >= 0) {
    const code = raw.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    return {
      problem: 'control_characters',
      message: `The scan contains the control character U+${code} at position ${control + 1}`,
    };
  }

  const { symbology: sym, data } = splitSymbology(raw);
  const symbology = sym?.id;
  if (data.length === 0) {
    return { problem: 'empty', message: `The scanner sent ${symbology} with no data`, detail: { symbology: symbology ?? '' } };
  }
  if (symbology && EAN_UPC_IDS.includes(symbology)) return fromEanUpc(data, raw, symbology as EanUpcId);
  if (sym?.gs1) return fromGs1(parseElementString(data), raw, symbology);
  // An identifier that says "not GS1" (]C0, ]d1, ]Q1, ]J0: no FNC1 in first position) is the
  // scanner's word that the symbol holds plain data, so it is the code as it is: a GS, brackets
  // or leading 01 in it are characters of that code. Except a leading GS: some printers write the
  // FNC1 of a GS1 symbol as that character, so the scanner cannot tell the symbol is GS1.
  const plain = sym !== null;
  // A GS1 Digital Link URI is plain data (QR ]Q1, Data Matrix ]d1, or a wedge scan) by the standard.
  const link = parseDigitalLink(data);
  if (link) return fromGs1(link.parsed, raw, symbology, link.stem);
  if (plain ? data.startsWith(GS) : data.includes(GS)) return fromGs1(parseElementString(data), raw, symbology);
  if (!plain && looksBracketed(data)) return fromGs1(parseBracketed(data), raw, symbology);

  if (/^\d+$/.test(data)) {
    if ([8, 12, 13, 14].includes(data.length)) {
      const read = readGtin(data);
      if (!read.ok) return badCheck(read.message, symbology);
      const readings = data.length === 8 ? gtinReadings(data) : [];
      const ambiguity = readings.length > 1 ? { ambiguous: true as const, readings } : {};
      return { kind: 'gtin', raw, gtin: read.gtin, ...ambiguity, ...(symbology && { symbology }) };
    }
    if (data.length === 18) {
      if (!hasValidCheckDigit(data)) return badCheck(`The check digit of SSCC ${data} is wrong`, symbology);
      return { kind: 'sscc', raw, sscc: data, ...(symbology && { symbology }) };
    }
  }
  const gs1 = plain ? null : unmarkedGs1(data);
  if (gs1) return fromGs1(gs1, raw, symbology);
  return { kind: SKU.test(data) ? 'sku' : 'text', raw, ...(symbology && { symbology }) };
}
