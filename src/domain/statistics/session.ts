import { HEAVY_UNIT_GRAMS, zeroFactors, type Factors } from './complexity';
import type { CompletedSession, StatsEntry } from './types';

/** The verdicts that count as errors caught at the station: the packer picked up the wrong thing. */
export const PACKER_ERROR_VERDICTS = ['wrong_item', 'too_many', 'unknown_barcode'] as const;
export type PackerErrorVerdict = (typeof PACKER_ERROR_VERDICTS)[number];

/** A pause longer than this between two steps of a session is idle and left out of its time. */
export const DEFAULT_IDLE_GAP_SECONDS = 180;

/** One packer's part in one completed session. */
export interface PackerPart {
  packerId: number;
  /** Active seconds: the time between consecutive steps while the order was in their hands, idle gaps left out. */
  activeSeconds: number;
  idleGaps: number;
  idleSecondsLeftOut: number;
  /** Units they put in the parcel that were still there when it was completed (undone ones are not). */
  units: number;
  /** Their share of the order: by the units each put in; by time when none are known. */
  share: number;
  scans: number;
  errors: Record<PackerErrorVerdict, number>;
  partialOverrides: number;
  forcedCompletions: number;
  weightMismatches: number;
  /** Stretches in their hands: each opening or resumption of the order. */
  stretches: number;
}

export interface SessionFacts {
  session: CompletedSession;
  factors: Factors;
  activeSeconds: number;
  parts: PackerPart[];
  /** Whether the order was put back and picked up again (by anyone). */
  resumed: boolean;
}

const OPENINGS = new Set(['pack.opened', 'pack.resumed']);
const CLOSINGS = new Set(['pack.put_back', 'pack.completed']);

interface Stretch {
  packerId: number;
  last: number;
}

interface PackedItem {
  packerId: number;
  count: number;
  sku: string | null;
  serial: boolean;
  lot: boolean;
  bulk: boolean;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function emptyPart(packerId: number): PackerPart {
  return {
    packerId,
    activeSeconds: 0,
    idleGaps: 0,
    idleSecondsLeftOut: 0,
    units: 0,
    share: 0,
    scans: 0,
    errors: { wrong_item: 0, too_many: 0, unknown_barcode: 0 },
    partialOverrides: 0,
    forcedCompletions: 0,
    weightMismatches: 0,
    stretches: 0,
  };
}

/**
 * Replays one completed session's journal entries: who had the order in hand and for how long,
 * which units each put in the parcel (undo takes back the newest, whoever scanned it), their scans,
 * errors, overrides and weighings, and the order's complexity factors.
 *
 * Time: a stretch starts when someone opens or resumes the order and ends when it is put back or
 * completed (or someone else opens it). Inside a stretch, every gap between two consecutive steps
 * counts, unless it is longer than `idleGapSeconds`: that gap is left out whole. Time between a
 * put-back and the next resumption is nobody's. Steps are credited to whoever holds the stretch
 * (a manager approving at the table works in the packer's stretch).
 */
export function analyseSession(session: CompletedSession, idleGapSeconds = DEFAULT_IDLE_GAP_SECONDS): SessionFacts {
  const parts = new Map<number, PackerPart>();
  const part = (packerId: number) => {
    let p = parts.get(packerId);
    if (!p) parts.set(packerId, (p = emptyPart(packerId)));
    return p;
  };
  const entries = [...session.entries].sort((a, b) => a.seq - b.seq);
  const stack: PackedItem[] = [];
  let stretch: Stretch | null = null;
  let openings = 0;
  let parcels = 0;
  const mismatched = new Set<number>();
  const idleMs = idleGapSeconds * 1000;

  const begin = (entry: StatsEntry, packerId: number) => {
    stretch = { packerId, last: Date.parse(entry.at) };
    part(packerId).stretches++;
  };

  for (const entry of entries) {
    const at = Date.parse(entry.at);
    const opening = OPENINGS.has(entry.type);
    if (opening) openings++;
    const current = stretch as Stretch | null;
    if (opening || current === null) {
      begin(entry, entry.actorId ?? current?.packerId ?? 0);
    } else {
      const gap = at - current.last;
      const p = part(current.packerId);
      if (gap > idleMs) {
        p.idleGaps++;
        p.idleSecondsLeftOut += gap / 1000;
      } else if (gap > 0) {
        p.activeSeconds += gap / 1000;
      }
      current.last = Math.max(current.last, at);
    }
    const holder = (stretch as Stretch | null)!.packerId;
    const p = part(holder);
    const payload = entry.payload;
    switch (entry.type) {
      case 'pack.scan':
      case 'pack.quantity': {
        if (entry.type === 'pack.scan') p.scans++;
        const verdict = str(payload.verdict);
        if (verdict === 'wrong_item' || verdict === 'too_many' || verdict === 'unknown_barcode') p.errors[verdict]++;
        const units = num(payload.units);
        if (units > 0) {
          stack.push({
            packerId: holder,
            count: units,
            sku: str(payload.sku),
            serial: str(payload.serial) !== null,
            lot: str(payload.lot) !== null,
            bulk: entry.type === 'pack.quantity',
          });
        }
        break;
      }
      case 'pack.undo':
        // Undo takes back the newest units (or only a prompt, which put nothing in).
        if (num(payload.count) > 0 || payload.unitId !== undefined) stack.pop();
        break;
      case 'pack.override':
        if (payload.kind === 'force_complete') p.forcedCompletions++;
        else p.partialOverrides++;
        break;
      case 'pack.weighed':
        // A parcel counts once, however often it was weighed out of tolerance.
        if (payload.withinTolerance === false && !mismatched.has(num(payload.parcel))) {
          mismatched.add(num(payload.parcel));
          p.weightMismatches++;
        }
        break;
      case 'pack.completed':
        parcels = Array.isArray(payload.parcels) ? payload.parcels.length : 0;
        break;
    }
    if (CLOSINGS.has(entry.type)) stretch = null;
  }

  // Units and complexity from what was in the parcels at completion.
  const factors = zeroFactors();
  factors.order = 1;
  factors.lines = session.lines.length;
  factors.kits = session.lines.reduce((n, l) => n + (l.kit ? l.quantity : 0), 0);
  factors.parcels = Math.max(1, parcels);
  const bySku = new Map(session.lines.map((l) => [l.sku, l]));
  for (const item of stack) {
    part(item.packerId).units += item.count;
    if (item.bulk) factors.bulk++;
    else factors.units += item.count;
    if (item.serial) factors.serials++;
    if (item.lot) factors.lots++;
    const line = item.sku ? bySku.get(item.sku) : undefined;
    if (line?.fragile) factors.fragile += item.count;
    if (line && line.unitGrams >= HEAVY_UNIT_GRAMS) factors.heavy += item.count;
  }

  const list = [...parts.values()].filter((p) => p.packerId !== 0 || p.activeSeconds > 0 || p.units > 0);
  const totalUnits = list.reduce((n, p) => n + p.units, 0);
  const totalTime = list.reduce((n, p) => n + p.activeSeconds, 0);
  for (const p of list) {
    p.share = totalUnits > 0 ? p.units / totalUnits : totalTime > 0 ? p.activeSeconds / totalTime : 1 / list.length;
  }
  return { session, factors, activeSeconds: totalTime, parts: list, resumed: openings > 1 };
}
