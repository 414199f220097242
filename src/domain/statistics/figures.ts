import { expectedSeconds, type Factors } from './complexity';
import type { ComplexityFit } from './fit';
import { addNumbers, errorsOf, expectedOfSums, sessionContributions, zeroNumbers, type ContributionNumbers } from './contribution';
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

/** Figures from sums of contributions (sessionContributions): every figure is a sum, or a ratio of two sums. */
export function figuresFromSums(n: Readonly<ContributionNumbers>, expected: number): Figures {
  const errors = errorsOf(n);
  const errorsTotal = errors.wrong_item + errors.too_many + errors.unknown_barcode;
  return {
    orders: round(n.orders),
    ordersTouched: n.ordersTouched,
    sharedOrders: n.sharedOrders,
    parcels: round(n.parcels),
    lines: round(n.lines),
    units: n.units,
    activeSeconds: round(n.activeSeconds, 1),
    idleGaps: n.idleGaps,
    idleSecondsLeftOut: round(n.idleSecondsLeftOut, 1),
    ordersPerHour: perHour(n.orders, n.activeSeconds),
    unitsPerHour: perHour(n.units, n.activeSeconds),
    scans: n.scans,
    errors,
    errorsTotal,
    errorsPer100Scans: n.scans > 0 ? round((errorsTotal * 100) / n.scans, 2) : null,
    partialOverrides: n.partialOverrides,
    forcedCompletions: n.forcedCompletions,
    overrides: n.partialOverrides + n.forcedCompletions,
    weightMismatches: n.weightMismatches,
    returns: n.returns,
    returnsPer1000Orders: n.orders > 0 ? round((n.returns * 1000) / n.orders, 2) : null,
    expectedSeconds: round(expected, 1),
    score: n.activeSeconds > 0 ? round(expected / n.activeSeconds) : null,
  };
}

/** A period with no orders. */
export const noFigures = (): Figures => figuresFromSums(zeroNumbers(), 0);

/** The sums of a period's contributions by packer (null: the station's own orders) and station. */
export interface ContributionSums {
  packerId: number | null;
  stationId: string;
  numbers: ContributionNumbers;
}

/**
 * Every packer's, every station's and the total figures from sums by packer and station (as
 * central's aggregate returns them, or computeStatistics adds them up): the expected time of each
 * station's sums is taken with that station's fit.
 */
export function figuresOfSums(
  sums: readonly ContributionSums[],
  fits: ReadonlyMap<string, ComplexityFit>,
  fallbackFit: ComplexityFit,
): Pick<Statistics, 'stations' | 'total'> & { packers: { packerId: number; figures: Figures }[] } {
  const packers = new Map<number, { numbers: ContributionNumbers; expected: number }>();
  const stations = new Map<string, { numbers: ContributionNumbers; expected: number }>();
  const total = { numbers: zeroNumbers(), expected: 0 };
  const add = <K>(map: Map<K, { numbers: ContributionNumbers; expected: number }>, key: K, n: ContributionNumbers, expected: number) => {
    const t = map.get(key) ?? { numbers: zeroNumbers(), expected: 0 };
    addNumbers(t.numbers, n);
    t.expected += expected;
    map.set(key, t);
  };
  for (const s of sums) {
    const expected = expectedOfSums(s.numbers, fits.get(s.stationId) ?? fallbackFit);
    if (s.packerId !== null) {
      add(packers, s.packerId, s.numbers, expected);
      continue;
    }
    add(stations, s.stationId, s.numbers, expected);
    addNumbers(total.numbers, s.numbers);
    total.expected += expected;
  }
  return {
    packers: [...packers.entries()]
      .map(([packerId, t]) => ({ packerId, figures: figuresFromSums(t.numbers, t.expected) }))
      .sort((a, b) => a.packerId - b.packerId),
    stations: [...stations.entries()]
      .map(([stationId, t]) => ({ stationId, figures: figuresFromSums(t.numbers, t.expected) }))
      .sort((a, b) => a.stationId.localeCompare(b.stationId)),
    total: figuresFromSums(total.numbers, total.expected),
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
  const sums = new Map<string, ContributionSums>();
  for (const f of facts) {
    const s = f.session;
    const fit = input.fits.get(s.stationId) ?? input.defaultFit;
    const orderExpected = expectedSeconds(f.factors, fit.seconds);
    const packers = f.parts.map((p) => p.packerId);
    const returnsOf = (packerId: number) => bySession.get(`${s.sessionId ?? s.orderNumber}|${keyOf(s.orderId, packerId)}`) ?? 0;
    for (const c of sessionContributions(f, returnsOf)) {
      const key = `${c.packerId ?? ''}|${s.stationId}`;
      const t = sums.get(key) ?? { packerId: c.packerId, stationId: s.stationId, numbers: zeroNumbers() };
      addNumbers(t.numbers, c.numbers);
      sums.set(key, t);
      if (c.packerId === null) continue;
      const n = c.numbers;
      push(rowsByPacker, c.packerId, {
        orderId: s.orderId,
        orderNumber: s.orderNumber,
        sessionId: s.sessionId,
        stationId: s.stationId,
        completedAt: s.completedAt,
        packerId: c.packerId,
        share: c.share,
        packers,
        resumed: f.resumed,
        parcels: n.parcels,
        lines: n.lines,
        units: n.units,
        activeSeconds: n.activeSeconds,
        idleGaps: n.idleGaps,
        idleSecondsLeftOut: n.idleSecondsLeftOut,
        scans: n.scans,
        errors: n.wrongItem + n.tooMany + n.unknownBarcode,
        partialOverrides: n.partialOverrides,
        forcedCompletions: n.forcedCompletions,
        weightMismatches: n.weightMismatches,
        returns: n.returns,
        factors: f.factors,
        orderExpectedSeconds: round(orderExpected, 1),
        orderActiveSeconds: round(f.activeSeconds, 1),
        orderScore: f.activeSeconds > 0 ? round(orderExpected / f.activeSeconds) : null,
        expectedSeconds: expectedOfSums(n, fit),
      });
    }
  }
  const figures = figuresOfSums([...sums.values()], input.fits, input.defaultFit);
  const packers = figures.packers.map((p) => ({ ...p, orders: (rowsByPacker.get(p.packerId) ?? []).map(roundRow) }));
  return { packers, stations: figures.stations, total: figures.total, facts };
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
