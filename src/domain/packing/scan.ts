import { typedExpiry } from './expiry';
import { lineComplete, orderComplete, roomFor } from './progress';
import type { PackedUnit, PackingState, Pending, SessionLine } from './session';
import type { Verdict } from './verdict';

/** A scan after the core looked it up: what it is, in the catalogue's terms. */
export type ResolvedScan =
  | { kind: 'product'; productId: number; units: number; serial: string | null; lot: string | null; expiry: string | null }
  | { kind: 'box'; boxCode: string; tareGrams: number }
  | { kind: 'other'; text: string }
  | { kind: 'invalid'; verdict: 'bad_check_digit' | 'invalid_barcode' };

export interface ScanRules {
  /** YYYY-MM-DD at the station; lots expiring before it are expired. */
  today: string;
  /** Lines of at least this many units ask for a typed quantity after one scan. */
  bulkThreshold: number;
  /** Whether this serial of this product already left the warehouse in an earlier parcel. */
  serialShipped(productId: number, serial: string): boolean;
}

export interface ScanOutcome {
  verdict: Verdict;
  lineId: number | null;
  productId: number | null;
  /** Units that went into the parcel with this scan (0 for errors and prompts). */
  units: number;
  /** Too many: the units the scanned code counts (a case code counts many) … */
  codeUnits?: number;
  /** … and how many more the line it was meant for still needs. */
  lineNeeds?: number;
  /** A scan that names no product (unknown, misread, unreadable): the code as it came in. */
  code?: string;
}

export interface Step {
  state: PackingState;
  outcome: ScanOutcome;
}

const SERIAL_OR_LOT = /^[\x21-\x7e]{1,64}$/;

/** What an outcome may say beyond its verdict and target. */
type Detail = Pick<ScanOutcome, 'codeUnits' | 'lineNeeds' | 'code'>;

function say(state: PackingState, verdict: Verdict, target?: { lineId: number; productId: number }, units = 0, detail: Detail = {}): Step {
  return { state, outcome: { verdict, lineId: target?.lineId ?? null, productId: target?.productId ?? null, units, ...detail } };
}

function stop(state: PackingState, verdict: Verdict, raw: string, target?: { lineId: number; productId: number }, detail: Detail = {}): Step {
  return say({ ...state, pending: { kind: 'error', verdict, raw } }, verdict, target, 0, detail);
}

interface Target {
  line: SessionLine;
  role: PackedUnit['role'];
  productId: number;
  weightGrams: number;
  tracking: SessionLine['tracking'];
  refuseExpired: boolean;
}

/** Every place in the order this product could go: as itself, as a pre-assembled kit, or as a kit part. */
function targetsFor(state: PackingState, productId: number): Target[] {
  const found: Target[] = [];
  for (const line of state.lines) {
    if (line.productId === productId) {
      found.push({
        line,
        role: line.kitParts ? 'kit' : 'item',
        productId,
        weightGrams: line.weightGrams,
        tracking: line.tracking,
        refuseExpired: line.refuseExpired,
      });
    }
  }
  for (const line of state.lines) {
    const part = line.kitParts?.find((p) => p.productId === productId);
    if (part) found.push({ line, role: 'part', productId, weightGrams: part.weightGrams, tracking: part.tracking, refuseExpired: part.refuseExpired });
  }
  return found;
}

export function addUnits(
  state: PackingState,
  target: Pick<Target, 'line' | 'role' | 'productId' | 'weightGrams'>,
  count: number,
  marks: { serial: string | null; lot: string | null; expiry: string | null },
): Step {
  const unit: PackedUnit = {
    id: state.nextUnitId,
    lineId: target.line.lineId,
    productId: target.productId,
    count,
    role: target.role,
    serial: marks.serial,
    lot: marks.lot,
    expiry: marks.expiry,
    parcelNo: state.activeParcel,
    weightGrams: target.weightGrams * count,
  };
  const next: PackingState = { ...state, units: [...state.units, unit], nextUnitId: state.nextUnitId + 1, pending: null };
  const verdict: Verdict = orderComplete(next) ? 'order_complete' : lineComplete(next, target.line) ? 'line_complete' : 'accepted';
  return say(next, verdict, { lineId: target.line.lineId, productId: target.productId }, count);
}

function isDuplicateSerial(state: PackingState, productId: number, serial: string, rules: ScanRules): boolean {
  return state.units.some((u) => u.productId === productId && u.serial === serial) || rules.serialShipped(productId, serial);
}

/** The catalogue's terms for one place in the order: a line's own product, or one of its kit's parts. */
function placeOf(line: SessionLine, role: PackedUnit['role'], productId: number): { weightGrams: number; refuseExpired: boolean } {
  if (role !== 'part') return line;
  return line.kitParts?.find((p) => p.productId === productId) ?? { weightGrams: 0, refuseExpired: false };
}

const PROMPT_VERDICT = { serial: 'serial_required', lot: 'lot_required', expiry: 'expiry_required' } as const;

type ItemPrompt = Extract<Pending, { kind: 'serial' | 'lot' | 'expiry' }>;

/**
 * Where expired lots are refused, a lot without its expiry is not enough: the packer is asked for
 * the date on the pack, or the expiry check would pass every lot typed by hand.
 */
function askExpiry(state: PackingState, pending: ItemPrompt, lot: string): Step {
  const next: Pending = { ...pending, kind: 'expiry', lot, expiry: null };
  return say({ ...state, pending: next }, 'expiry_required', next);
}

/** The scan that answers a serial, lot or expiry prompt: its text is the serial, the lot or the date. */
function answerPrompt(state: PackingState, pending: ItemPrompt, text: string, raw: string, rules: ScanRules): Step {
  const target = { lineId: pending.lineId, productId: pending.productId };
  const line = state.lines.find((l) => l.lineId === pending.lineId);
  if (!line) return stop(state, 'invalid_barcode', raw, target, { code: raw });
  const place = placeOf(line, pending.role, pending.productId);
  const unit = { line, role: pending.role, productId: pending.productId, weightGrams: place.weightGrams };
  if (pending.kind === 'expiry') {
    const expiry = typedExpiry(text, rules.today);
    if (expiry === null) return stop(state, 'invalid_expiry', raw, target, { code: raw });
    if (expiry < rules.today) return stop(state, 'expired_lot', raw, target);
    return addUnits(state, unit, pending.count, { serial: null, lot: pending.lot, expiry });
  }
  if (!SERIAL_OR_LOT.test(text)) return stop(state, 'invalid_barcode', raw, target, { code: raw });
  if (pending.kind === 'serial' && isDuplicateSerial(state, pending.productId, text, rules)) return stop(state, 'duplicate_serial', raw, target);
  if (pending.kind === 'lot' && pending.expiry === null && line.tracking === 'lot' && place.refuseExpired) return askExpiry(state, pending, text);
  const marks = pending.kind === 'serial' ? { serial: text, lot: pending.lot, expiry: pending.expiry } : { serial: null, lot: text, expiry: pending.expiry };
  return addUnits(state, unit, pending.count, marks);
}

function scanProduct(state: PackingState, scan: Extract<ResolvedScan, { kind: 'product' }>, raw: string, rules: ScanRules): Step {
  const targets = targetsFor(state, scan.productId);
  if (targets.length === 0) return stop(state, 'wrong_item', raw, { lineId: 0, productId: scan.productId });
  const target = targets.find((t) => roomFor(state, t.line, t.role, t.productId) >= scan.units);
  if (!target) {
    // A case code can be too many for a line that still needs a few: say both numbers, and name
    // the place with the most room left, as that is the line the packer is looking at.
    const rooms = targets.map((t) => ({ t, room: Math.max(0, roomFor(state, t.line, t.role, t.productId)) }));
    const best = rooms.reduce((a, b) => (b.room > a.room ? b : a));
    return stop(state, 'too_many', raw, { lineId: best.t.line.lineId, productId: scan.productId }, { codeUnits: scan.units, lineNeeds: best.room });
  }
  const ref = { lineId: target.line.lineId, productId: scan.productId };
  if (target.tracking === 'lot' && scan.expiry !== null && target.refuseExpired && scan.expiry < rules.today) {
    return stop(state, 'expired_lot', raw, ref);
  }
  if (target.tracking === 'serial') {
    if (scan.serial === null || scan.units !== 1) {
      const pending: Pending = {
        kind: 'serial',
        lineId: target.line.lineId,
        productId: scan.productId,
        role: target.role,
        count: 1,
        lot: scan.lot,
        expiry: scan.expiry,
      };
      return say({ ...state, pending }, 'serial_required', ref);
    }
    if (isDuplicateSerial(state, scan.productId, scan.serial, rules)) return stop(state, 'duplicate_serial', raw, ref);
  }
  if (target.tracking === 'lot' && scan.lot === null) {
    const pending: Pending = {
      kind: 'lot',
      lineId: target.line.lineId,
      productId: scan.productId,
      role: target.role,
      count: scan.units,
      lot: null,
      expiry: scan.expiry,
    };
    return say({ ...state, pending }, 'lot_required', ref);
  }
  if (target.tracking === 'lot' && target.refuseExpired && scan.expiry === null) {
    return askExpiry(
      state,
      { kind: 'lot', lineId: target.line.lineId, productId: scan.productId, role: target.role, count: scan.units, lot: null, expiry: null },
      scan.lot!,
    );
  }
  const room = roomFor(state, target.line, target.role, target.productId);
  if (target.role === 'item' && target.tracking !== 'serial' && scan.units === 1 && target.line.ordered >= rules.bulkThreshold && room > 1) {
    const pending: Pending = { kind: 'quantity', lineId: target.line.lineId, productId: scan.productId, max: room, lot: scan.lot, expiry: scan.expiry };
    return say({ ...state, pending }, 'quantity_required', ref);
  }
  return addUnits(state, target, scan.units, { serial: scan.serial, lot: scan.lot, expiry: scan.expiry });
}

/** One scan against the open order. Pure: the caller persists the new state and journals the outcome. */
export function applyScan(state: PackingState, scan: ResolvedScan, raw: string, rules: ScanRules): Step {
  const pending = state.pending;
  if (pending?.kind === 'error') return say(state, 'acknowledge_first');
  if (scan.kind === 'invalid') return stop(state, scan.verdict, raw, undefined, { code: raw });
  if (scan.kind === 'box') {
    const parcels = state.parcels.map((p) => (p.no === state.activeParcel ? { ...p, boxCode: scan.boxCode, tareGrams: scan.tareGrams } : p));
    return say({ ...state, parcels }, 'box_chosen');
  }
  if (pending?.kind === 'quantity') return say(state, 'quantity_required', pending);
  if (pending && scan.kind === 'other') return answerPrompt(state, pending, scan.text, raw, rules);
  if (pending && scan.kind === 'product') {
    // The same product's GS1 code answers the question when it carries what is asked.
    const carries = { serial: scan.serial, lot: scan.lot, expiry: scan.expiry }[pending.kind];
    if (scan.productId !== pending.productId || carries === null) return say(state, PROMPT_VERDICT[pending.kind], pending);
    return scanProduct({ ...state, pending: null }, scan, raw, rules);
  }
  if (scan.kind === 'other') return stop(state, 'unknown_barcode', raw, undefined, { code: raw });
  return scanProduct(state, scan, raw, rules);
}

/** The typed quantity that answers a bulk line's prompt. */
export function enterQuantity(state: PackingState, quantity: number): Step {
  const pending = state.pending;
  if (pending?.kind !== 'quantity') return say(state, pending?.kind === 'error' ? 'acknowledge_first' : 'invalid_barcode');
  const line = state.lines.find((l) => l.lineId === pending.lineId);
  if (!line) return say({ ...state, pending: null }, 'invalid_barcode');
  if (quantity > pending.max) return stop(state, 'too_many', String(quantity), pending);
  return addUnits(state, { line, role: 'item', productId: pending.productId, weightGrams: line.weightGrams }, quantity, {
    serial: null,
    lot: pending.lot,
    expiry: pending.expiry,
  });
}

/** Clears an error or a prompt; the next scan counts again. */
export function acknowledge(state: PackingState): PackingState {
  return state.pending ? { ...state, pending: null } : state;
}

/** Takes back the last scan: a prompt if one is open, else the last units that went in. */
export function undoLast(state: PackingState): { state: PackingState; removed: PackedUnit | null } {
  if (state.pending) return { state: { ...state, pending: null }, removed: null };
  const last = state.units.at(-1);
  if (!last) return { state, removed: null };
  return { state: { ...state, units: state.units.slice(0, -1) }, removed: last };
}
