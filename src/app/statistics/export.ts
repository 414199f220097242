import { DEFINITIONS, FACTORS, FIGURE_KEYS, type FigureKey } from '../../domain/statistics';
import type { FiguresView } from '../../contract/statistics';
import type { StatisticsSheet } from '../ports/statistics';
import type { StatisticsDeps } from './deps';
import type { AllStatistics } from './statistics';

const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;

function value(figures: FiguresView, key: FigureKey): number | null {
  switch (key) {
    case 'activeHours':
      return hours(figures.activeSeconds);
    case 'expectedHours':
      return hours(figures.expectedSeconds);
    case 'wrongItems':
      return figures.errors.wrong_item;
    case 'tooMany':
      return figures.errors.too_many;
    case 'unknownCodes':
      return figures.errors.unknown_barcode;
    case 'overrides':
      return figures.partialOverrides;
    default:
      return figures[key];
  }
}

export interface StatisticsExport {
  from: string;
  to: string;
  idleGapSeconds: number;
  figures: StatisticsSheet;
  definitions: StatisticsSheet;
  json: unknown;
}

/**
 * The statistics of a period for payroll: one row per packer (everyone active with the packer role,
 * and anyone else who packed in the period), the figures in the order of FIGURE_KEYS; the second
 * sheet says what each column means, the period, and the seconds per factor of each station.
 */
export function buildExport(deps: StatisticsDeps, all: AllStatistics): StatisticsExport {
  const byId = new Map(all.packers.map((p) => [p.packer.id, p]));
  const packers = deps.store.users.listActive().filter((u) => u.role === 'packer' && !byId.has(u.id));
  const empty = allStatisticsEmpty(all.total);
  const rows = [
    ...all.packers.map((p) => ({ id: p.packer.id, name: p.packer.name, figures: p.figures })),
    ...packers.map((u) => ({ id: u.id, name: u.name, figures: empty })),
  ].sort((a, b) => a.name.localeCompare(b.name, 'pl') || a.id - b.id);
  const figures: StatisticsSheet = {
    name: 'Statistics',
    columns: ['Packer ID', 'Packer', ...FIGURE_KEYS.map((k) => DEFINITIONS[k].name), 'From', 'To'],
    rows: rows.map((r) => [r.id, r.name, ...FIGURE_KEYS.map((k) => value(r.figures, k)), all.from, all.to]),
  };
  const definitions: StatisticsSheet = {
    name: 'Definitions',
    columns: ['Figure', 'Definition'],
    rows: [
      ...FIGURE_KEYS.map((k) => [DEFINITIONS[k].name, DEFINITIONS[k].definition]),
      ['Period', `From ${all.from} to ${all.to} (UTC); an order counts in the period in which it was completed.`],
      ['Idle gap', `Pauses longer than ${all.idleGapSeconds} seconds between two steps are left out of active time.`],
      ...all.fits.map((f) => [
        `Seconds per factor at ${f.stationId}`,
        `${FACTORS.map((x) => `${x} ${f.seconds[x]}`).join(', ')} — ${
          f.method === 'least_squares' ? `fitted over ${f.sessions} sessions on ${f.fittedAt ?? ''}` : `defaults (${f.fallback ?? 'not fitted'})`
        }`,
      ]),
    ],
  };
  const json = {
    from: all.from,
    to: all.to,
    idleGapSeconds: all.idleGapSeconds,
    packers: rows.map((r) => ({ id: r.id, name: r.name, figures: r.figures })),
    definitions: Object.fromEntries(FIGURE_KEYS.map((k) => [k, DEFINITIONS[k]])),
    fits: all.fits,
  };
  return { from: all.from, to: all.to, idleGapSeconds: all.idleGapSeconds, figures, definitions, json };
}

function allStatisticsEmpty(template: FiguresView): FiguresView {
  return {
    ...template,
    orders: 0,
    ordersTouched: 0,
    sharedOrders: 0,
    parcels: 0,
    lines: 0,
    units: 0,
    activeSeconds: 0,
    idleGaps: 0,
    idleSecondsLeftOut: 0,
    ordersPerHour: null,
    unitsPerHour: null,
    scans: 0,
    errors: { wrong_item: 0, too_many: 0, unknown_barcode: 0 },
    errorsTotal: 0,
    errorsPer100Scans: null,
    partialOverrides: 0,
    forcedCompletions: 0,
    overrides: 0,
    weightMismatches: 0,
    returns: 0,
    returnsPer1000Orders: null,
    expectedSeconds: 0,
    score: null,
  };
}

export const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

/** The file's bytes, its name (packer-statistics-<from>-<to>.<format>) and type. */
export async function exportFile(
  deps: StatisticsDeps,
  all: AllStatistics,
  format: keyof typeof EXPORT_TYPES,
): Promise<{ fileName: string; mimeType: string; bytes: Uint8Array; rows: number }> {
  const made = buildExport(deps, all);
  const { sheets } = deps.statistics;
  const bytes =
    format === 'xlsx'
      ? await sheets.xlsx([made.figures, made.definitions])
      : new TextEncoder().encode(format === 'csv' ? sheets.csv(made.figures) : `${JSON.stringify(made.json, null, 2)}\n`);
  const day = (iso: string) => iso.slice(0, 10);
  return {
    fileName: `packer-statistics-${day(made.from)}-${day(new Date(Date.parse(made.to) - 1).toISOString())}.${format}`,
    mimeType: EXPORT_TYPES[format],
    bytes,
    rows: made.figures.rows.length,
  };
}
