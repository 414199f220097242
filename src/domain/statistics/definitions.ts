import { DEFAULT_IDLE_GAP_SECONDS } from './session';

/** The figures of one packer, in the order the export's columns and the screen show them. */
export const FIGURE_KEYS = [
  'orders',
  'parcels',
  'lines',
  'units',
  'activeHours',
  'ordersPerHour',
  'unitsPerHour',
  'scans',
  'wrongItems',
  'tooMany',
  'unknownCodes',
  'errorsPer100Scans',
  'overrides',
  'forcedCompletions',
  'weightMismatches',
  'returns',
  'returnsPer1000Orders',
  'expectedHours',
  'score',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/**
 * What each figure means, in English, in words a packer can check against their own orders. The
 * screens say the same in the packer's language (renderer/i18n); docs/statistics.md says more.
 */
export const DEFINITIONS: Record<FigureKey, { name: string; definition: string }> = {
  orders: {
    name: 'Orders',
    definition:
      'Orders you completed in the period. An order packed by two or more people is split between them by the units each put in the parcel (3 of 4 units = 0.75 of the order).',
  },
  parcels: { name: 'Parcels', definition: 'Parcels of those orders, split the same way as the orders.' },
  lines: { name: 'Lines', definition: 'Order lines of those orders, split the same way as the orders.' },
  units: {
    name: 'Units',
    definition: 'Units you put in the parcels that were still there when the order was completed (units taken back with Undo do not count).',
  },
  activeHours: {
    name: 'Active hours',
    definition: `Time from opening (or resuming) each order to completing (or putting it back), with every pause longer than ${DEFAULT_IDLE_GAP_SECONDS / 60} minutes between two steps left out whole. Time while an order was put back counts for nobody.`,
  },
  ordersPerHour: { name: 'Orders per active hour', definition: 'Orders divided by active hours.' },
  unitsPerHour: { name: 'Units per active hour', definition: 'Units divided by active hours.' },
  scans: { name: 'Scans', definition: 'Every scan you made on those orders, accepted or not.' },
  wrongItems: { name: 'Wrong items caught', definition: 'Scans of an item the order does not contain, caught by the station before it went in the parcel.' },
  tooMany: { name: 'Too many caught', definition: 'Scans (or typed quantities) of more units than a line still needed, caught by the station.' },
  unknownCodes: { name: 'Unknown codes', definition: 'Scans of a code that is no product, box or order the station knows.' },
  errorsPer100Scans: { name: 'Errors per 100 scans', definition: 'Wrong items, too many and unknown codes together, per 100 scans.' },
  overrides: { name: 'Partial shipments approved', definition: "A manager's approval to ship an order with items missing, on your orders." },
  forcedCompletions: { name: 'Forced completions', definition: "A manager's approval to complete despite a failed check (weight, box), on your orders." },
  weightMismatches: {
    name: 'Weight mismatches',
    definition: 'Parcels of your orders that the scale found outside the weight tolerance at least once (a parcel counts once, however often it was weighed).',
  },
  returns: {
    name: 'Returns from packing errors',
    definition: 'Returns and complaints the returns desk attributed to your packing (a wrong or missing item, poor packing) on orders completed in the period.',
  },
  returnsPer1000Orders: { name: 'Returns per 1,000 orders', definition: 'Returns from packing errors per 1,000 of your orders.' },
  expectedHours: {
    name: 'Expected hours',
    definition:
      "For each order, the time the station's own history says an order like it takes: seconds per order, line, unit, serial, lot, kit, parcel, bulk quantity, fragile and heavy unit, fitted by least squares over the station's completed orders; your share of it.",
  },
  score: {
    name: 'Score',
    definition:
      'Expected hours divided by active hours. 1.00 means as fast as the station usually packs orders like yours; hard orders are expected to take longer, so they do not lower it.',
  },
};
