import { FACTORS, type Factor } from './complexity';
import type { ComplexityFit } from './fit';
import type { PackerErrorVerdict, SessionFacts } from './session';

/**
 * Every number one completed order gives one packer (or its station). A period's figures are the
 * sums of these over its orders, or ratios of two sums (figuresFromSums), so they can be summed
 * anywhere: in memory at the station, in one SQL aggregate at central (which keeps them per session
 * as columns of the same names, src/central-store). `factor*` are the order's complexity factors
 * times the packer's share: the expected time of any sum is expectedOfSums with the station's fit.
 */
export const CONTRIBUTION_FIELDS = [
  'orders',
  'ordersTouched',
  'sharedOrders',
  'parcels',
  'lines',
  'units',
  'activeSeconds',
  'idleGaps',
  'idleSecondsLeftOut',
  'scans',
  'wrongItem',
  'tooMany',
  'unknownBarcode',
  'partialOverrides',
  'forcedCompletions',
  'weightMismatches',
  'returns',
  'factorOrder',
  'factorLines',
  'factorUnits',
  'factorSerials',
  'factorLots',
  'factorKits',
  'factorParcels',
  'factorBulk',
  'factorFragile',
  'factorHeavy',
] as const;
export type ContributionField = (typeof CONTRIBUTION_FIELDS)[number];
export type ContributionNumbers = Record<ContributionField, number>;

const factorField = (f: Factor) => `factor${f[0]!.toUpperCase()}${f.slice(1)}` as ContributionField;
/** Each factor with its field, worked out once: these run several times for every session counted. */
const FACTOR_FIELDS = FACTORS.map((f) => [f, factorField(f)] as const);
const ZERO = Object.fromEntries(CONTRIBUTION_FIELDS.map((k) => [k, 0])) as ContributionNumbers;

export function zeroNumbers(): ContributionNumbers {
  return { ...ZERO };
}

/** Adds `n` into `into` (and returns it). */
export function addNumbers(into: ContributionNumbers, n: Readonly<ContributionNumbers>): ContributionNumbers {
  for (const k of CONTRIBUTION_FIELDS) into[k] += n[k];
  return into;
}

/** Expected seconds of summed numbers at one station: its fit times the share-weighted factors. */
export function expectedOfSums(n: Readonly<ContributionNumbers>, fit: ComplexityFit): number {
  let expected = 0;
  for (const [f, field] of FACTOR_FIELDS) expected += n[field] * fit.seconds[f];
  return expected;
}

export const errorsOf = (n: Readonly<ContributionNumbers>): Record<PackerErrorVerdict, number> => ({
  wrong_item: n.wrongItem,
  too_many: n.tooMany,
  unknown_barcode: n.unknownBarcode,
});

/** One packer's part of an order as numbers, or (packerId null) the station's whole order. */
export interface SessionContribution {
  packerId: number | null;
  /** Their share (rounded as the figures count it); 1 for the station. */
  share: number;
  numbers: ContributionNumbers;
}

/** The station's order holds its packers' own counts summed; its share, parcels, lines and factors are the whole order's. */
const SUMMED_OVER_PACKERS = [
  'units',
  'activeSeconds',
  'idleGaps',
  'idleSecondsLeftOut',
  'scans',
  'wrongItem',
  'tooMany',
  'unknownBarcode',
  'partialOverrides',
  'forcedCompletions',
  'weightMismatches',
  'returns',
] as const;

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * What one completed session gives each packer in it and its station: the single place a session
 * becomes numbers (computeStatistics at the station, central when the completion arrives).
 * `returnsOf` counts the returns attributed to a packer's part (none at central).
 */
export function sessionContributions(f: SessionFacts, returnsOf: (packerId: number) => number = () => 0): SessionContribution[] {
  const weighted = (share: number) => {
    const numbers = zeroNumbers();
    for (const [k, field] of FACTOR_FIELDS) numbers[field] = f.factors[k] * share;
    return numbers;
  };
  const station: ContributionNumbers = {
    ...zeroNumbers(),
    ...weighted(1),
    orders: 1,
    ordersTouched: 1,
    sharedOrders: f.parts.length > 1 ? 1 : 0,
    parcels: f.factors.parcels,
    lines: f.factors.lines,
  };
  const packers = f.parts.map((p): SessionContribution => {
    const returns = returnsOf(p.packerId);
    const numbers: ContributionNumbers = {
      ...zeroNumbers(),
      ...weighted(p.share),
      orders: round4(p.share),
      ordersTouched: 1,
      sharedOrders: f.parts.length > 1 ? 1 : 0,
      parcels: f.factors.parcels * p.share,
      lines: f.factors.lines * p.share,
      units: p.units,
      activeSeconds: p.activeSeconds,
      idleGaps: p.idleGaps,
      idleSecondsLeftOut: p.idleSecondsLeftOut,
      scans: p.scans,
      wrongItem: p.errors.wrong_item,
      tooMany: p.errors.too_many,
      unknownBarcode: p.errors.unknown_barcode,
      partialOverrides: p.partialOverrides,
      forcedCompletions: p.forcedCompletions,
      weightMismatches: p.weightMismatches,
      returns,
    };
    for (const k of SUMMED_OVER_PACKERS) station[k] += numbers[k];
    return { packerId: p.packerId, share: round4(p.share), numbers };
  });
  return [{ packerId: null, share: 1, numbers: station }, ...packers];
}
