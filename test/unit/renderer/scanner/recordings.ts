/**
 * Keydown logs as the page sees them (`event.key`, `event.timeStamp` in ms; `ctrl` for Ctrl+key),
 * shaped like the packing table's recordings of the defect: slow and wireless wedge scanners with
 * 30–100 ms between keys and jitter, a scan cut off without its Enter, a scan split by a stall,
 * and people typing into fields for contrast. Written by a seeded generator (uniform gaps in the
 * ranges named) and kept as data, so every run replays exactly the same keys.
 */

export type RecordedKey = readonly [key: string, time: number, modifier?: 'ctrl'];

export interface Recording {
  /** The code the scanner read (or the text a person typed). */
  code: string;
  keys: readonly RecordedKey[];
}

/** A Bluetooth scanner in keyboard mode: an EAN-13, 30–100 ms between keys, Enter at the same pace. */
export const SLOW_EAN13: Recording = {
  code: '5901234123457',
  keys: [
    ['5', 48213.6],
    ['9', 48244.4],
    ['0', 48278.8],
    ['1', 48377.1],
    ['2', 48456.1],
    ['3', 48522.6],
    ['4', 48581],
    ['1', 48643.6],
    ['2', 48690.4],
    ['3', 48759.1],
    ['4', 48840.2],
    ['5', 48888.3],
    ['7', 48929.2],
    ['Enter', 49012.7],
  ],
};

/** An order number from the same kind of scanner, 40–95 ms apart, with Shift before each capital. */
export const SLOW_ORDER: Recording = {
  code: 'PD-100029',
  keys: [
    ['Shift', 91022.4],
    ['P', 91024.9],
    ['Shift', 91094.1],
    ['D', 91096.9],
    ['-', 91169.4],
    ['1', 91256.2],
    ['0', 91325.7],
    ['0', 91370.2],
    ['0', 91439.3],
    ['2', 91512.8],
    ['9', 91577.5],
    ['Enter', 91643.9],
  ],
};

/**
 * A GS1 DataMatrix (GTIN, then lot after Ctrl+] as GS) from a wireless scanner that sends its keys in
 * radio packets: two or three keys 1–4 ms apart, then 55–100 ms until the next packet.
 */
export const PACKETED_GS1: Recording = {
  code: '0105901234123457\x1D10LOT-77',
  keys: [
    ['0', 130577.9],
    ['1', 130579.1],
    ['0', 130662.5],
    ['5', 130664.5],
    ['9', 130729.2],
    ['0', 130733],
    ['1', 130736.5],
    ['2', 130791.9],
    ['3', 130793.5],
    ['4', 130794.8],
    ['1', 130894.1],
    ['2', 130896.6],
    ['3', 130899.8],
    ['4', 130957.3],
    ['5', 130960.2],
    ['7', 131059.6],
    [']', 131063.1, 'ctrl'],
    ['1', 131128.5],
    ['0', 131131.8],
    ['L', 131193.9],
    ['O', 131196],
    ['T', 131198.5],
    ['-', 131296.1],
    ['7', 131299.8],
    ['7', 131303.5],
    ['Enter', 131387.6],
  ],
};

/** The slow scanner lost the end of an EAN-13: eight keys 30–100 ms apart, then nothing, no Enter. */
export const CUT_OFF: Recording = {
  code: '59012341',
  keys: [
    ['5', 20417.2],
    ['9', 20494.3],
    ['0', 20582.8],
    ['1', 20665.3],
    ['2', 20698.7],
    ['3', 20757.8],
    ['4', 20812],
    ['1', 20847.3],
  ],
};

/** A fast USB scanner whose Enter never came: 4–9 ms between keys, then nothing. */
export const FAST_CUT_OFF: Recording = {
  code: 'PD-1000',
  keys: [
    ['Shift', 7001.2],
    ['P', 7006.3],
    ['Shift', 7010.1],
    ['D', 7014.9],
    ['-', 7019.4],
    ['1', 7025.8],
    ['0', 7031.1],
    ['0', 7035.9],
    ['0', 7041.2],
  ],
};

/** An EAN-13 split by a 282 ms stall after its seventh digit; both halves 30–80 ms apart. */
export const STALLED: Recording = {
  code: '5901234123457',
  keys: [
    ['5', 66120.5],
    ['9', 66193.1],
    ['0', 66248.5],
    ['1', 66310.2],
    ['2', 66367.3],
    ['3', 66439.9],
    ['4', 66494.5],
    ['1', 66776.1],
    ['2', 66856.1],
    ['3', 66899.9],
    ['4', 66956.4],
    ['5', 66989.3],
    ['7', 67022.5],
    ['Enter', 67089.7],
  ],
};

/** A fast USB scanner, 3–9 ms between keys (Shift before capitals). */
export const FAST_BADGE: Recording = {
  code: 'PD-P-0001',
  keys: [
    ['Shift', 5011.8],
    ['P', 5019.1],
    ['Shift', 5022.4],
    ['D', 5028.1],
    ['-', 5031.5],
    ['Shift', 5039.1],
    ['P', 5045],
    ['-', 5050.9],
    ['0', 5054.9],
    ['0', 5059.5],
    ['0', 5065.8],
    ['1', 5070],
    ['Enter', 5073.5],
  ],
};

/** A quick typist's name in a search field: 86–146 ms between keys, a pause, then Enter. */
export const PERSON_NAME: Recording = {
  code: 'kowalska',
  keys: [
    ['k', 74410],
    ['o', 74527.4],
    ['w', 74671.1],
    ['a', 74773.2],
    ['l', 74862.1],
    ['s', 74948.4],
    ['k', 75094.9],
    ['a', 75197.2],
    ['Enter', 75406.8],
  ],
};

/** A manager's PIN typed into its field: 95–200 ms between keys. */
export const PERSON_PIN: Recording = {
  code: '7002',
  keys: [
    ['7', 18033.3],
    ['0', 18191.3],
    ['0', 18367.8],
    ['2', 18564.1],
    ['Enter', 18743.2],
  ],
};

/** A count typed into the quantity field: two digits and Enter. */
export const PERSON_QUANTITY: Recording = {
  code: '12',
  keys: [
    ['1', 33104.2],
    ['2', 33251.9],
    ['Enter', 33468],
  ],
};

/** A box label `K2` from a fast USB scanner: Shift, K, 2 and Enter within 12 ms. */
export const FAST_BOX: Recording = {
  code: 'K2',
  keys: [
    ['Shift', 203311.4],
    ['K', 203313.6],
    ['2', 203319.9],
    ['Enter', 203324.2],
  ],
};

/** The same label from a slow scanner: 88 and 91 ms between keys. */
export const SLOW_BOX: Recording = {
  code: 'K2',
  keys: [
    ['Shift', 157300.3],
    ['K', 157302.4],
    ['2', 157390],
    ['Enter', 157480.9],
  ],
};

/** A count typed quickly into the quantity field: 61 ms, then Enter 36 ms later. */
export const QUICK_QUANTITY: Recording = {
  code: '12',
  keys: [
    ['1', 41880.6],
    ['2', 41941.9],
    ['Enter', 41977.5],
  ],
};

/** One digit and Enter struck almost together (28 ms): a person, not a scan of one character. */
export const ONE_KEY_AND_ENTER: Recording = {
  code: '5',
  keys: [
    ['5', 52006.1],
    ['Enter', 52034.4],
  ],
};
