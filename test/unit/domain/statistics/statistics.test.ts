import { describe, expect, it } from 'vitest';
import {
  analyseSession,
  computeStatistics,
  defaultFit,
  DEFAULT_SECONDS,
  expectedSeconds,
  fitComplexity,
  nnls,
  ordersPerHour,
  periodContaining,
  scoreDistribution,
  daysPeriod,
  weeksUpTo,
  zeroFactors,
  type CompletedSession,
  type ComplexityFit,
  type StatsLine,
} from '../../../../src/domain/statistics';

const ANNA = 1;
const PIOTR = 2;
const MANAGER = 9;
const T0 = Date.parse('2026-11-20T08:00:00Z');

/** A hand-built journal of one order: steps at seconds from T0, each by an actor. */
class Journal {
  private seq = 0;
  entries: CompletedSession['entries'] = [];
  constructor(
    private readonly sessionId: number | null = 1,
    private readonly stationId = 'ST-01',
  ) {}
  add(second: number, actorId: number, type: string, payload: Record<string, unknown> = {}): this {
    this.entries.push({
      seq: ++this.seq,
      at: new Date(T0 + second * 1000).toISOString(),
      stationId: this.stationId,
      actorId,
      type,
      payload: { ...(this.sessionId === null ? {} : { sessionId: this.sessionId }), ...payload },
    });
    return this;
  }
  scan(second: number, actorId: number, units = 1, extra: Record<string, unknown> = {}): this {
    return this.add(second, actorId, 'pack.scan', { verdict: units > 0 ? 'accepted' : 'wrong_item', units, sku: 'MUG-01', ...extra });
  }
  session(lines: StatsLine[] = [line('MUG-01', 2)], orderId = 1, orderNumber = `PD-${orderId}`): CompletedSession {
    const last = this.entries.at(-1)!;
    return { sessionId: this.sessionId, orderId, orderNumber, stationId: this.stationId, completedAt: last.at, entries: this.entries, lines };
  }
}

function line(sku: string, quantity: number, extra: Partial<StatsLine> = {}): StatsLine {
  return { productId: 1, sku, quantity, kit: false, unitGrams: 300, fragile: false, ...extra };
}

const completed = { status: 'shipped', parcels: [{ no: 1 }] };

describe('active packing time', () => {
  it('counts from opening to completion, step by step', () => {
    const j = new Journal().add(0, ANNA, 'pack.opened').scan(10, ANNA).scan(20, ANNA).add(50, ANNA, 'pack.completed', completed);
    const facts = analyseSession(j.session());
    expect(facts.activeSeconds).toBe(50);
    expect(facts.parts).toEqual([expect.objectContaining({ packerId: ANNA, activeSeconds: 50, units: 2, share: 1, scans: 2, idleGaps: 0 })]);
  });

  it('leaves an idle gap over the threshold out whole, and keeps a pause under it', () => {
    const j = new Journal()
      .add(0, ANNA, 'pack.opened')
      .scan(10, ANNA)
      .scan(10 + 600, ANNA) // ten minutes away: left out
      .scan(10 + 600 + 170, ANNA) // under three minutes: counts
      .add(10 + 600 + 170 + 5, ANNA, 'pack.completed', completed);
    const facts = analyseSession(j.session([line('MUG-01', 3)]));
    expect(facts.activeSeconds).toBe(10 + 170 + 5);
    expect(facts.parts[0]).toMatchObject({ idleGaps: 1, idleSecondsLeftOut: 600 });
    // A stricter threshold leaves the 170-second pause out too.
    expect(analyseSession(j.session([line('MUG-01', 3)]), 120).activeSeconds).toBe(15);
  });

  it('counts a resumed session in its stretches only, not while it was put back', () => {
    const j = new Journal()
      .add(0, ANNA, 'pack.opened')
      .scan(20, ANNA)
      .add(30, ANNA, 'pack.put_back', { reason: 'logout' })
      .add(3600, ANNA, 'pack.resumed')
      .scan(3640, ANNA)
      .add(3660, ANNA, 'pack.completed', completed);
    const facts = analyseSession(j.session());
    expect(facts.activeSeconds).toBe(30 + 60);
    expect(facts.resumed).toBe(true);
    expect(facts.parts[0]).toMatchObject({ stretches: 2, idleGaps: 0, units: 2 });
  });

  it('splits an order two people packed by the units each put in; each keeps their own time', () => {
    const j = new Journal()
      .add(0, ANNA, 'pack.opened')
      .scan(10, ANNA)
      .scan(20, ANNA)
      .scan(25, ANNA, 0) // a wrong item, Anna's error
      .add(30, ANNA, 'pack.put_back', { reason: 'logout' })
      .add(500, PIOTR, 'pack.resumed')
      .scan(510, PIOTR)
      .scan(520, PIOTR)
      .scan(530, PIOTR)
      .add(535, PIOTR, 'pack.undo', { unitId: 5, count: 1 }) // takes back his own last unit
      .add(560, PIOTR, 'pack.weighed', { parcel: 1, grams: 900, withinTolerance: true })
      .add(570, PIOTR, 'pack.completed', completed);
    const stats = computeStatistics({
      sessions: [j.session([line('MUG-01', 4)])],
      attributions: [],
      fits: new Map(),
      defaultFit: defaultFit(),
    });
    const anna = stats.packers.find((p) => p.packerId === ANNA)!;
    const piotr = stats.packers.find((p) => p.packerId === PIOTR)!;
    expect(anna.figures).toMatchObject({ orders: 0.5, units: 2, activeSeconds: 30, scans: 3, errorsTotal: 1, sharedOrders: 1 });
    expect(piotr.figures).toMatchObject({ orders: 0.5, units: 2, activeSeconds: 70, scans: 3, errorsTotal: 0 });
    expect(anna.figures.orders + piotr.figures.orders).toBe(1);
    expect(anna.orders[0]).toMatchObject({ orderNumber: 'PD-1', packers: [ANNA, PIOTR], share: 0.5, orderActiveSeconds: 100 });
    // Expected time is split like the order; each is scored on their own time.
    const expected = expectedSeconds(stats.facts[0]!.factors, DEFAULT_SECONDS);
    expect(anna.figures.expectedSeconds).toBeCloseTo(expected / 2, 0);
    expect(anna.figures.score).toBeCloseTo(expected / 2 / 30, 2);
    expect(piotr.figures.score).toBeCloseTo(expected / 2 / 70, 2);
    // The station sees one whole order.
    expect(stats.stations[0]!.figures).toMatchObject({ orders: 1, units: 4, activeSeconds: 100, scans: 6, errorsTotal: 1 });
  });

  it('takes back the newest units on undo, whoever scanned them', () => {
    const j = new Journal()
      .add(0, ANNA, 'pack.opened')
      .scan(10, ANNA)
      .add(20, ANNA, 'pack.put_back')
      .add(30, PIOTR, 'pack.resumed')
      .add(40, PIOTR, 'pack.undo', { unitId: 1, count: 1 })
      .scan(50, PIOTR)
      .scan(60, PIOTR)
      .add(70, PIOTR, 'pack.completed', completed);
    const facts = analyseSession(j.session());
    expect(facts.parts.map((p) => [p.packerId, p.units, p.share])).toEqual([
      [ANNA, 0, 0],
      [PIOTR, 2, 1],
    ]);
  });

  it("credits a manager's approval at the table to the packer whose order it is", () => {
    const j = new Journal()
      .add(0, ANNA, 'pack.opened')
      .scan(10, ANNA)
      .add(20, ANNA, 'pack.weighed', { parcel: 1, grams: 2000, withinTolerance: false })
      .add(25, ANNA, 'pack.weighed', { parcel: 1, grams: 2000, withinTolerance: false })
      .add(40, MANAGER, 'pack.override', { kind: 'force_complete', reason: 'padding' })
      .add(45, ANNA, 'pack.completed', completed);
    const facts = analyseSession(j.session([line('MUG-01', 1)]));
    expect(facts.parts).toHaveLength(1);
    expect(facts.parts[0]).toMatchObject({ packerId: ANNA, forcedCompletions: 1, weightMismatches: 1, activeSeconds: 45 });
  });
});

describe('errors, returns and complexity', () => {
  it('counts wrong items, too many and unknown codes per 100 scans, and returns per 1,000 orders', () => {
    const j = new Journal()
      .add(0, ANNA, 'pack.opened')
      .add(1, ANNA, 'pack.scan', { verdict: 'wrong_item', units: 0 })
      .add(2, ANNA, 'pack.acknowledged')
      .add(3, ANNA, 'pack.scan', { verdict: 'unknown_barcode', units: 0 })
      .add(4, ANNA, 'pack.scan', { verdict: 'bad_check_digit', units: 0 })
      .add(5, ANNA, 'pack.scan', { verdict: 'accepted', units: 1, sku: 'SOAP-01' })
      .add(6, ANNA, 'pack.scan', { verdict: 'quantity_required', units: 0, sku: 'SOAP-01' })
      .add(7, ANNA, 'pack.quantity', { verdict: 'too_many', units: 0, quantity: 40 })
      .add(8, ANNA, 'pack.quantity', { verdict: 'order_complete', units: 11, quantity: 11, sku: 'SOAP-01' })
      .add(9, ANNA, 'pack.completed', { parcels: [{ no: 1 }, { no: 2 }] });
    const other = new Journal(2).add(100, ANNA, 'pack.opened').scan(110, ANNA).add(120, ANNA, 'pack.completed', completed);
    const stats = computeStatistics({
      sessions: [j.session([line('SOAP-01', 12)], 1), other.session([line('MUG-01', 1)], 2)],
      attributions: [
        { sessionId: 1, packerId: ANNA, orderId: 1, at: '2026-12-01T00:00:00Z' },
        { sessionId: 77, packerId: ANNA, orderId: 1, at: '2026-12-01T00:00:00Z' }, // a session outside the period
        { sessionId: null, packerId: PIOTR, orderId: 2, at: '2026-12-01T00:00:00Z' }, // named someone else
      ],
      fits: new Map(),
      defaultFit: defaultFit(),
    });
    const anna = stats.packers.find((p) => p.packerId === ANNA)!.figures;
    expect(anna.errors).toEqual({ wrong_item: 1, too_many: 1, unknown_barcode: 1 });
    expect(anna.scans).toBe(6);
    expect(anna.errorsPer100Scans).toBe(50);
    expect(anna.returns).toBe(1);
    expect(anna.returnsPer1000Orders).toBe(500);
    expect(stats.packers.map((p) => p.packerId)).toEqual([ANNA]);
    expect(stats.facts[0]!.factors).toMatchObject({ order: 1, lines: 1, units: 1, bulk: 1, parcels: 2 });
  });

  it('counts serials, lots, kits, fragile and heavy units', () => {
    const j = new Journal()
      .add(0, ANNA, 'pack.opened')
      .add(1, ANNA, 'pack.scan', { verdict: 'accepted', units: 1, sku: 'PHONE-01', serial: 'SN1' })
      .add(2, ANNA, 'pack.scan', { verdict: 'accepted', units: 1, sku: 'TEA-02', lot: 'L1' })
      .add(3, ANNA, 'pack.scan', { verdict: 'accepted', units: 2, sku: 'VASE-01' })
      .add(4, ANNA, 'pack.scan', { verdict: 'accepted', units: 1, sku: 'ANVIL-01' })
      .add(5, ANNA, 'pack.scan', { verdict: 'accepted', units: 1, sku: 'KIT-01' })
      .add(6, ANNA, 'pack.completed', completed);
    const facts = analyseSession(
      j.session([
        line('PHONE-01', 1),
        line('TEA-02', 1),
        line('VASE-01', 2, { fragile: true }),
        line('ANVIL-01', 1, { unitGrams: 12_000 }),
        line('KIT-01', 1, { kit: true }),
      ]),
    );
    expect(facts.factors).toEqual({ order: 1, lines: 5, units: 6, serials: 1, lots: 1, kits: 1, parcels: 1, bulk: 0, fragile: 2, heavy: 1 });
  });
});

describe('the complexity fit', () => {
  /** Orders of `units` units each, packed at `perUnit` s a unit after a fixed `base`. */
  function sessions(packerId: number, count: number, units: number, base: number, perUnit: number, firstId: number): CompletedSession[] {
    return Array.from({ length: count }, (_, i) => {
      const j = new Journal(firstId + i).add(0, packerId, 'pack.opened');
      for (let u = 1; u <= units; u++) j.scan(base / 2 + u * perUnit, packerId);
      j.add(base + units * perUnit, packerId, 'pack.completed', completed);
      // Lines vary too, so the fit sees more than one factor move.
      return j.session([line('MUG-01', units), ...(i % 2 ? [line('X', 1)] : [])], firstId + i);
    });
  }

  it('gives a packer with twice the units per order at the same pace the same score', () => {
    const all = [...sessions(ANNA, 30, 2, 60, 5, 1), ...sessions(PIOTR, 30, 4, 60, 5, 101)];
    const fit = fitComplexity(computeStatistics({ sessions: all, attributions: [], fits: new Map(), defaultFit: defaultFit() }).facts.map(sample));
    expect(fit.method).toBe('least_squares');
    // Every order had one parcel: the parcel keeps its default seconds and the order's own takes the rest.
    expect(fit.seconds.order + fit.seconds.parcels).toBeCloseTo(60, 1);
    expect(fit.seconds.units).toBeCloseTo(5, 1);
    expect(fit.seconds.lines).toBeCloseTo(0, 1);
    expect(fit.r2).toBeCloseTo(1, 3);
    const stats = computeStatistics({ sessions: all, attributions: [], fits: new Map([['ST-01', fit]]), defaultFit: defaultFit() });
    const [anna, piotr] = [ANNA, PIOTR].map((id) => stats.packers.find((p) => p.packerId === id)!.figures);
    expect(piotr!.ordersPerHour!).toBeLessThan(anna!.ordersPerHour!);
    expect(anna!.score).toBeCloseTo(1, 2);
    expect(piotr!.score).toBeCloseTo(1, 2);
    expect(piotr!.score).toBeCloseTo(anna!.score!, 3);
  });

  it('scores a slower packer lower on the same orders', () => {
    const all = [...sessions(ANNA, 30, 2, 60, 5, 1), ...sessions(PIOTR, 30, 2, 90, 7.5, 101), ...sessions(ANNA, 20, 4, 60, 5, 201)];
    const facts = computeStatistics({ sessions: all, attributions: [], fits: new Map(), defaultFit: defaultFit() }).facts;
    const fit = fitComplexity(facts.map(sample));
    const stats = computeStatistics({ sessions: all, attributions: [], fits: new Map([['ST-01', fit]]), defaultFit: defaultFit() });
    const anna = stats.packers.find((p) => p.packerId === ANNA)!.figures.score!;
    const piotr = stats.packers.find((p) => p.packerId === PIOTR)!.figures.score!;
    expect(piotr / anna).toBeCloseTo(2 / 3, 1);
  });

  it('keeps the defaults with too few sessions, and for factors the history cannot measure', () => {
    const few = fitComplexity(Array.from({ length: 5 }, (_, i) => ({ factors: { ...zeroFactors(), order: 1, units: i + 1 }, activeSeconds: 60 + 5 * i })));
    expect(few).toMatchObject({ method: 'default', fallback: 'too_few_sessions', seconds: DEFAULT_SECONDS });
    // Every order has one parcel and never a serial: those keep their defaults; the rest is fitted.
    const samples = Array.from({ length: 40 }, (_, i) => ({
      factors: { ...zeroFactors(), order: 1, parcels: 1, units: 1 + (i % 5) },
      activeSeconds: 100 + 4 * (1 + (i % 5)),
    }));
    const fit = fitComplexity(samples);
    expect(fit.method).toBe('least_squares');
    expect(fit.fitted).toEqual(['order', 'units']);
    expect(fit.seconds.parcels).toBe(DEFAULT_SECONDS.parcels);
    expect(fit.seconds.serials).toBe(DEFAULT_SECONDS.serials);
    expect(fit.seconds.order + fit.seconds.parcels).toBeCloseTo(100, 1);
    expect(fit.seconds.units).toBeCloseTo(4, 2);
  });

  it('never fits negative seconds, and survives factors that always move together', () => {
    // Lines always equal units: the normal equations are singular; the sum is still right.
    const samples = Array.from({ length: 30 }, (_, i) => ({
      factors: { ...zeroFactors(), order: 1, units: 1 + (i % 4), lines: 1 + (i % 4), lots: i % 3 },
      activeSeconds: 50 + 6 * (1 + (i % 4)) - 0.5 * (i % 3),
    }));
    const fit = fitComplexity(samples);
    for (const v of Object.values(fit.seconds)) expect(v).toBeGreaterThanOrEqual(0);
    expect(fit.seconds.lots).toBe(0);
    expect(fit.seconds.units + fit.seconds.lines).toBeCloseTo(6, 0);
    expect(nnls([[1], [1]], [-3, -5])).toEqual([0]);
  });
});

function sample(f: { factors: ReturnType<typeof zeroFactors>; activeSeconds: number }) {
  return { factors: f.factors, activeSeconds: f.activeSeconds };
}

describe('periods and charts', () => {
  it('finds the shift, day, week and month around a moment, in local time', () => {
    const at = new Date(2026, 10, 20, 23, 30); // a Friday, 23:30
    expect(periodContaining('shift', at)).toEqual({ from: new Date(2026, 10, 20, 22), to: new Date(2026, 10, 21, 6) });
    expect(periodContaining('shift', new Date(2026, 10, 21, 3))).toEqual({ from: new Date(2026, 10, 20, 22), to: new Date(2026, 10, 21, 6) });
    expect(periodContaining('day', at)).toEqual({ from: new Date(2026, 10, 20), to: new Date(2026, 10, 21) });
    expect(periodContaining('week', at)).toEqual({ from: new Date(2026, 10, 16), to: new Date(2026, 10, 23) });
    expect(periodContaining('month', at)).toEqual({ from: new Date(2026, 10, 1), to: new Date(2026, 11, 1) });
    expect(weeksUpTo(at, 2)).toEqual([
      { from: new Date(2026, 10, 9), to: new Date(2026, 10, 16) },
      { from: new Date(2026, 10, 16), to: new Date(2026, 10, 23) },
    ]);
    expect(daysPeriod('2026-11-01', '2026-11-30')).toEqual({ from: new Date(2026, 10, 1), to: new Date(2026, 11, 1) });
    expect(daysPeriod('2026-02-30', '2026-03-01')).toBeNull();
  });

  it('counts orders per hour through the period and the score distribution', () => {
    const j1 = new Journal(1).add(0, ANNA, 'pack.opened').scan(60, ANNA).scan(70, ANNA).add(80, ANNA, 'pack.completed', completed);
    const j2 = new Journal(2).add(3600, ANNA, 'pack.opened').scan(3660, ANNA).scan(3670, ANNA).add(3680, ANNA, 'pack.completed', completed);
    const fit: ComplexityFit = { ...defaultFit(), seconds: { ...zeroFactors(), order: 80 } };
    const stats = computeStatistics({ sessions: [j1.session(), j2.session(undefined, 2)], attributions: [], fits: new Map(), defaultFit: fit });
    const rows = stats.packers[0]!.orders;
    expect(ordersPerHour(rows, new Date(T0), new Date(T0 + 8 * 3_600_000))).toEqual([1, 1, 0, 0, 0, 0, 0, 0]);
    expect(scoreDistribution(rows)).toEqual([0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
  });
});
