import { expectedSeconds, type Factors } from './complexity';
import type { ComplexityFit } from './fit';
import { analyseSession, DEFAULT_IDLE_GAP_SECONDS, type PackerErrorVerdict, type SessionFacts } from './session';
import type { CompletedSession, PackingErrorAttribution } from './types';

/** What one order gave one packer (or a station): the rows behind every figure. */
export interface OrderContribution {
  orderId: number;
  orderNumber: string;
  sessionId: number | null;
  stationId: string;
  completedAt: string;
  packerId: number;
  /** Their share of the order (1 unless two or more people packed it). */
  share: number;
  /** Everyone who packed a part of it. */
  packers: number[];
  resumed: boolean;
  parcels: number;
  lines: number;
  units: number;
  activeSeconds: number;
  idleGaps: number;
  idleSecondsLeftOut: number;
  scans: number;
  errors: number;
  partialOverrides: number;
  forcedCompletions: number;
  weightMismatches: number;
  returns: number;
  factors: Factors;
  /** The whole order's expected and actual time, and its score (null without active time). */
  orderExpectedSeconds: number;
  orderActiveSeconds: number;
  orderScore: number | null;
  /** Their part: expected × share. */
  expectedSeconds: number;
}

export interface Figures {
  /** Orders credited: each order counts 1, or its share when several packed it. */
  orders: number;
  /** Orders they had any part in. */
  ordersTouched: number;
  sharedOrders: number;
  parcels: number;
  lines: number;
  units: number;
  activeSeconds: number;
  idleGaps: number;
  idleSecondsLeftOut: number;
  ordersPerHour: number | null;
  unitsPerHour: number | null;
  scans: number;
  errors: Record<PackerErrorVerdict, number>;
  errorsTotal: number;
  errorsPer100Scans: number | null;
  partialOverrides: number;
  forcedCompletions: number;
  overrides: number;
  weightMismatches: number;
  returns: number;
  returnsPer1000Orders: number | null;
  expectedSeconds: number;
  /** Expected time over active time: 1 is as fast as the station's history says such orders take. */
  score: number | null;
}

export interface PackerStatistics {
  packerId: number;
  figures: Figures;
  orders: OrderContribution[];
}

export interface StationStatistics {
  stationId: string;
  figures: Figures;
}

export interface StatisticsInput {
  /** The sessions of the period: analysed here with `idleGapSeconds`… */
  sessions?: readonly CompletedSession[];
  /** … or analysed already (analyseSession), e.g. kept from an earlier count. */
  facts?: readonly SessionFacts[];
  attributions: readonly PackingErrorAttribution[];
  /** Seconds per factor by station; a station without one uses `defaultFit`. */
  fits: ReadonlyMap<string, ComplexityFit>;
  defaultFit: ComplexityFit;
  idleGapSeconds?: number;
}

export interface Statistics {
  packers: PackerStatistics[];
  stations: StationStatistics[];
  /** Every order of the period once, whoever packed it. */
  total: Figures;
  facts: SessionFacts[];
}

const perHour = (count: number, seconds: number) => (seconds > 0 ? round((count * 3600) / seconds, 2) : null);
const round = (x: number, digits = 3) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Figures from the orders behind them; every figure is a sum over these rows, or a ratio of two sums. */
export function figuresOf(rows: readonly OrderContribution[], errorsBy: Record<PackerErrorVerdict, number>): Figures {
  const sum = (pick: (r: OrderContribution) => number) => rows.reduce((t, r) => t + pick(r), 0);
  const orders = sum((r) => r.share);
  const activeSeconds = sum((r) => r.activeSeconds);
  const scans = sum((r) => r.scans);
  const errorsTotal = errorsBy.wrong_item + errorsBy.too_many + errorsBy.unknown_barcode;
  const returns = sum((r) => r.returns);
  const expected = sum((r) => r.expectedSeconds);
  const partialOverrides = sum((r) => r.partialOverrides);
  const forcedCompletions = sum((r) => r.forcedCompletions);
  return {
    orders: round(orders),
    ordersTouched: rows.length,
    sharedOrders: rows.filter((r) => r.packers.length > 1).length,
    parcels: round(sum((r) => r.parcels)),
    lines: round(sum((r) => r.lines)),
    units: sum((r) => r.units),
    activeSeconds: round(activeSeconds, 1),
    idleGaps: sum((r) => r.idleGaps),
    idleSecondsLeftOut: round(
      sum((r) => r.idleSecondsLeftOut),
      1,
    ),
    ordersPerHour: perHour(orders, activeSeconds),
    unitsPerHour: perHour(
      sum((r) => r.units),
      activeSeconds,
    ),
    scans,
    errors: errorsBy,
    errorsTotal,
    errorsPer100Scans: scans > 0 ? round((errorsTotal * 100) / scans, 2) : null,
    partialOverrides,
    forcedCompletions,
    overrides: partialOverrides + forcedCompletions,
    weightMismatches: sum((r) => r.weightMismatches),
    returns,
    returnsPer1000Orders: orders > 0 ? round((returns * 1000) / orders, 2) : null,
    expectedSeconds: round(expected, 1),
    score: activeSeconds > 0 ? round(expected / activeSeconds) : null,
  };
}

/**
 * Every packer's and every station's figures over the sessions completed in a period. A session
 * belongs to the period in which it was completed, with all of its time. The orders two or more
 * people packed are split between them by their share (see analyseSession); each keeps their own
 * time, scans, errors, overrides and weighings. Returns attributed by the returns desk count for
 * the packer they name, when the session they name (or the order's session) is in the period.
 */
export function computeStatistics(input: StatisticsInput): Statistics {
  const idle = input.idleGapSeconds ?? DEFAULT_IDLE_GAP_SECONDS;
  const facts = input.facts ? [...input.facts] : (input.sessions ?? []).map((s) => analyseSession(s, idle));
  const keyOf = (orderId: number, packerId: number) => `${orderId}:${packerId}`;
  const sessionsOfOrder = new Map<number, SessionFacts[]>();
  for (const f of facts) push(sessionsOfOrder, f.session.orderId, f);
  const bySession = new Map<string, number>();
  for (const a of input.attributions) {
    const candidates = sessionsOfOrder.get(a.orderId) ?? [];
    const hit = a.sessionId === null ? candidates.at(-1) : candidates.find((f) => f.session.sessionId === a.sessionId);
    if (!hit) continue;
    const k = `${hit.session.sessionId ?? hit.session.orderNumber}|${keyOf(a.orderId, a.packerId)}`;
    bySession.set(k, (bySession.get(k) ?? 0) + 1);
  }

  const rowsByPacker = new Map<number, OrderContribution[]>();
  const errorsByPacker = new Map<number, Record<PackerErrorVerdict, number>>();
  const rowsByStation = new Map<string, OrderContribution[]>();
  const errorsByStation = new Map<string, Record<PackerErrorVerdict, number>>();
  const addErrors = <K>(map: Map<K, Record<PackerErrorVerdict, number>>, key: K, e: Record<PackerErrorVerdict, number>) => {
    const t = map.get(key) ?? { wrong_item: 0, too_many: 0, unknown_barcode: 0 };
    t.wrong_item += e.wrong_item;
    t.too_many += e.too_many;
    t.unknown_barcode += e.unknown_barcode;
    map.set(key, t);
  };
  for (const f of facts) {
    const s = f.session;
    const fit = input.fits.get(s.stationId) ?? input.defaultFit;
    const orderExpected = expectedSeconds(f.factors, fit.seconds);
    const packers = f.parts.map((p) => p.packerId);
    const stationRow: OrderContribution = {
      orderId: s.orderId,
      orderNumber: s.orderNumber,
      sessionId: s.sessionId,
      stationId: s.stationId,
      completedAt: s.completedAt,
      packerId: 0,
      share: 1,
      packers,
      resumed: f.resumed,
      parcels: f.factors.parcels,
      lines: f.factors.lines,
      units: 0,
      activeSeconds: 0,
      idleGaps: 0,
      idleSecondsLeftOut: 0,
      scans: 0,
      errors: 0,
      partialOverrides: 0,
      forcedCompletions: 0,
      weightMismatches: 0,
      returns: 0,
      factors: f.factors,
      orderExpectedSeconds: round(orderExpected, 1),
      orderActiveSeconds: round(f.activeSeconds, 1),
      orderScore: f.activeSeconds > 0 ? round(orderExpected / f.activeSeconds) : null,
      expectedSeconds: orderExpected,
    };
    for (const p of f.parts) {
      const errors = p.errors.wrong_item + p.errors.too_many + p.errors.unknown_barcode;
      const returns = bySession.get(`${s.sessionId ?? s.orderNumber}|${keyOf(s.orderId, p.packerId)}`) ?? 0;
      const row: OrderContribution = {
        ...stationRow,
        packerId: p.packerId,
        share: round(p.share, 4),
        parcels: f.factors.parcels * p.share,
        lines: f.factors.lines * p.share,
        units: p.units,
        activeSeconds: p.activeSeconds,
        idleGaps: p.idleGaps,
        idleSecondsLeftOut: p.idleSecondsLeftOut,
        scans: p.scans,
        errors,
        partialOverrides: p.partialOverrides,
        forcedCompletions: p.forcedCompletions,
        weightMismatches: p.weightMismatches,
        returns,
        expectedSeconds: orderExpected * p.share,
      };
      push(rowsByPacker, p.packerId, row);
      addErrors(errorsByPacker, p.packerId, p.errors);
      addErrors(errorsByStation, s.stationId, p.errors);
      stationRow.units += p.units;
      stationRow.activeSeconds += p.activeSeconds;
      stationRow.idleGaps += p.idleGaps;
      stationRow.idleSecondsLeftOut += p.idleSecondsLeftOut;
      stationRow.scans += p.scans;
      stationRow.errors += errors;
      stationRow.partialOverrides += p.partialOverrides;
      stationRow.forcedCompletions += p.forcedCompletions;
      stationRow.weightMismatches += p.weightMismatches;
      stationRow.returns += returns;
    }
    push(rowsByStation, s.stationId, stationRow);
  }
  const none = { wrong_item: 0, too_many: 0, unknown_barcode: 0 };
  const packers = [...rowsByPacker.entries()]
    .map(([packerId, rows]) => ({ packerId, figures: figuresOf(rows, errorsByPacker.get(packerId) ?? none), orders: rows.map(roundRow) }))
    .sort((a, b) => a.packerId - b.packerId);
  const stations = [...rowsByStation.entries()]
    .map(([stationId, rows]) => ({ stationId, figures: figuresOf(rows, errorsByStation.get(stationId) ?? none) }))
    .sort((a, b) => a.stationId.localeCompare(b.stationId));
  const allRows = [...rowsByStation.values()].flat();
  const allErrors = { ...none };
  for (const e of errorsByStation.values()) {
    allErrors.wrong_item += e.wrong_item;
    allErrors.too_many += e.too_many;
    allErrors.unknown_barcode += e.unknown_barcode;
  }
  return { packers, stations, total: figuresOf(allRows, allErrors), facts };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function roundRow(r: OrderContribution): OrderContribution {
  return {
    ...r,
    parcels: round(r.parcels),
    lines: round(r.lines),
    activeSeconds: round(r.activeSeconds, 1),
    idleSecondsLeftOut: round(r.idleSecondsLeftOut, 1),
    expectedSeconds: round(r.expectedSeconds, 1),
  };
}
