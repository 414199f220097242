/**
 * Cleans ZPL that came from outside (a carrier's label) of the commands that change the label
 * printer's own settings, so a carrier's label can never switch the station's printer out of
 * peel-off mode, recalibrate it, change its darkness or save any of that into its memory. What
 * the label draws is left exactly as it was, byte for byte; only whole commands are taken out.
 *
 * Each removed command and why (Zebra ZPL II Programming Guide):
 * - ^JU  configuration update: ^JUS saves the current settings as the power-on defaults, ^JUF
 *        and ^JUN restore factory or network defaults, ^JUR recalls the saved ones. Never a
 *        carrier's to decide.
 * - ~JC  media sensor calibration: feeds labels and overwrites the sensor values.
 * - ~JL  set label length: feeds and measures, and keeps the length it found.
 * - ~JR  power-on reset: restarts the printer and drops the jobs in its buffer.
 * - ~JA  cancel all: throws away every format waiting in the printer, other jobs' too.
 * - ~JS  backfeed sequence: changes how every later label is fed back after peeling or cutting.
 * - ^JZ  reprint after error: changes what the printer does after a paper-out or ribbon error.
 * - ^MM  print mode (tear-off, peel-off, rewind, cutter, …): the station's, set with the
 *        printer; a carrier label's ^MMT has switched printers out of peel-off mode.
 * - ^MN  media tracking (gap, black mark, continuous): wrong media tracking misfeeds every
 *        later label.
 * - ^MT  media type (thermal transfer or direct thermal): the ribbon the station has loaded.
 * - ^MF  media feed at power-up and head close.
 * - ~SD  darkness, absolute; ^MD darkness, relative: both stay for every later label until the
 *        printer is switched off, so our own labels and barcodes would print too light or
 *        burn. Darkness belongs to the printer's profile.
 * - ^KP  printer password, ^KN printer name, ^NS network settings, ^SC serial port settings:
 *        the printer's identity and connections.
 * - ~WC  prints the configuration label: a wasted label in the middle of a parcel's.
 *
 * Kept on purpose: ^PW (print width), ^LL (label length), ^LH/^LT/^LS (label home and shifts),
 * ^PR (print speed), ^PQ (quantity), ^CI (character set), ^PO (orientation) — they shape this
 * label and a label printed after it sets its own; ^CC/~CC/^CT/~CT (prefix changes) are kept
 * and followed, so commands after them are still found.
 *
 * A format left empty by the cleaning (a carrier's "settings only" ^XA…^XZ block) is removed
 * whole, so it cannot feed a blank label. Binary graphics (^GFB, ~DY in binary) are stepped
 * over by their declared length, so bytes inside a picture are never taken for commands.
 */

const REMOVED = new Set(['JU', 'JC', 'JL', 'JR', 'JA', 'JS', 'JZ', 'MM', 'MN', 'MT', 'MF', 'SD', 'MD', 'KP', 'KN', 'NS', 'SC', 'WC']);

const CARET = 0x5e;
const TILDE = 0x7e;
const COMMA = 0x2c;

export interface CleanedZpl {
  bytes: Uint8Array;
  /** The commands taken out, as they were written (e.g. "^MMT", "~JC"), in order. */
  removed: string[];
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to && i < bytes.length; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
}

function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Where the binary payload of a ^GF or ~DY command ends, or null when it is not binary. */
function binaryEnd(bytes: Uint8Array, paramsAt: number, name: string): number | null {
  // ^GFa,b,c,d,data: a = B for binary, b = the data's byte count.
  // ~DYd:f,b,x,t,w,data: b = B or P for binary (P: a PNG), t = the data's byte count.
  const fieldsBeforeData = name === 'GF' ? 4 : 5;
  const fields: string[] = [];
  let start = paramsAt;
  let i = paramsAt;
  while (fields.length < fieldsBeforeData && i < bytes.length) {
    const b = bytes[i] as number;
    if (b === COMMA) {
      fields.push(ascii(bytes, start, i));
      start = i + 1;
    } else if (b === CARET || b === TILDE) return null;
    i++;
  }
  if (fields.length < fieldsBeforeData) return null;
  const format = (name === 'GF' ? fields[0] : fields[1])?.trim().toUpperCase();
  const length = Number(name === 'GF' ? fields[1] : fields[3]);
  if (!(format === 'B' || (name === 'DY' && format === 'P')) || !Number.isInteger(length) || length < 0) return null;
  return Math.min(bytes.length, i + length);
}

/** Removes the settings-changing commands listed above; everything else is copied byte for byte. */
export function cleanZpl(input: Uint8Array): CleanedZpl {
  let formatPrefix = CARET;
  let controlPrefix = TILDE;
  const out: number[] = [];
  const removed: string[] = [];
  let formatStart: number | null = null;
  let removedInFormat = false;

  const nextCommand = (from: number): number => {
    for (let j = from; j < input.length; j++) {
      const b = input[j] as number;
      if (b === formatPrefix || b === controlPrefix) return j;
    }
    return input.length;
  };

  let i = 0;
  while (i < input.length) {
    const b = input[i] as number;
    if (b !== formatPrefix && b !== controlPrefix) {
      out.push(b);
      i++;
      continue;
    }
    const name = ascii(input, i + 1, i + 3).toUpperCase();
    let end = nextCommand(i + 1);
    if (name === 'GF' || name === 'DY') end = nextCommand(binaryEnd(input, i + 3, name) ?? i + 1);
    // A prefix change is the prefix, two letters and the new character; what follows is read with the new prefix.
    if (name === 'CC' || name === 'CT') end = Math.min(input.length, i + 4);
    const text = ascii(input, i, end);

    if (REMOVED.has(name)) {
      removed.push(text.trimEnd());
      removedInFormat = true;
      i = end;
      continue;
    }
    if (name === 'XA') {
      formatStart = out.length;
      removedInFormat = false;
    }
    if (name === 'XZ' && formatStart !== null) {
      const body = out.slice(formatStart + 3);
      const empty = removedInFormat && body.every(isBlank);
      if (empty) {
        out.length = formatStart;
        formatStart = null;
        i = end;
        continue;
      }
      formatStart = null;
    }
    for (let j = i; j < end; j++) out.push(input[j] as number);
    // A prefix change applies from the next command on.
    if (name === 'CC' && i + 3 < input.length) formatPrefix = input[i + 3] as number;
    if (name === 'CT' && i + 3 < input.length) controlPrefix = input[i + 3] as number;
    i = end;
  }
  return { bytes: Uint8Array.from(out), removed };
}
