import type { ScaleReading, ScaleStatus, ScaleUnit } from '../../app/ports/devices';

/**
 * USB HID scale reports (usage page 0x8D), without any I/O. The weight report is
 *   [report id 0x03, status, unit, exponent (int8), weight LSB, weight MSB]
 * and the weight is the unsigned 16-bit value × 10^exponent in the given unit.
 * Sources: USB-IF HID Point of Sale Usage Tables 1.02 (Weighing Devices); erjiang/usbscale.
 */

export const WEIGHT_REPORT_ID = 0x03;
// Some scales send their weight as report 0x04 (usbscale accepts both); the layout is the same.
const ALTERNATE_WEIGHT_REPORT_ID = 0x04;

const STATUSES: Record<number, ScaleStatus> = {
  1: 'fault',
  2: 'zero',
  3: 'in_motion',
  4: 'stable',
  5: 'under_zero',
  6: 'overweight',
  7: 'needs_calibration',
  8: 'needs_rezero',
};

const UNITS: Record<number, Exclude<ScaleUnit, 'unknown'>> = { 2: 'g', 3: 'kg', 11: 'oz', 12: 'lb' };

/** Grams per unit: exact by definition (avoirdupois ounce and pound). */
const GRAMS_PER_UNIT: Record<Exclude<ScaleUnit, 'unknown'>, number> = {
  g: 1,
  kg: 1000,
  oz: 28.349523125,
  lb: 453.59237,
};

export type ScaleRejection = 'too_short' | 'wrong_report_id' | 'unknown_status';

export type ScaleReportResult = { ok: true; reading: ScaleReading } | { ok: false; reason: ScaleRejection };

function toInt8(byte: number): number {
  return byte > 127 ? byte - 256 : byte;
}

/** value × 10^exponent without binary noise such as 123.40000000000001. */
function scaled(value: number, exponent: number): number {
  const result = value * 10 ** exponent;
  return exponent < 0 ? Number(result.toFixed(Math.min(-exponent, 20))) : result;
}

function roundGrams(grams: number): number {
  return Math.round(grams * 100) / 100;
}

/** A weight is only worth showing while the scale is weighing normally. */
function trustsWeight(status: ScaleStatus): boolean {
  return status === 'zero' || status === 'in_motion' || status === 'stable';
}

/**
 * Reads one weight report. `at` is the arrival time (ISO 8601) copied into the reading.
 * A 5-byte report is taken as the same layout without its report id.
 */
export function parseScaleReport(report: ArrayLike<number>, at: string): ScaleReportResult {
  let offset = 0;
  if (report.length >= 6) {
    if (report[0] !== WEIGHT_REPORT_ID && report[0] !== ALTERNATE_WEIGHT_REPORT_ID) {
      return { ok: false, reason: 'wrong_report_id' };
    }
    offset = 1;
  } else if (report.length < 5) {
    return { ok: false, reason: 'too_short' };
  }
  const byte = (i: number) => (report[offset + i] ?? 0) & 0xff;

  const status = STATUSES[byte(0)];
  if (status === undefined) return { ok: false, reason: 'unknown_status' };
  const unit: ScaleUnit = UNITS[byte(1)] ?? 'unknown';
  const value = scaled(byte(3) | (byte(4) << 8), toInt8(byte(2)));

  let grams: number | null = null;
  if (status === 'zero') grams = 0;
  else if (trustsWeight(status) && unit !== 'unknown') grams = roundGrams(value * GRAMS_PER_UNIT[unit]);

  return {
    ok: true,
    reading: { status, grams, stable: status === 'stable' || status === 'zero', raw: { unit, value }, at },
  };
}

/** Same weighing state, to tell a new reading from the scale repeating itself. */
export function sameReading(a: ScaleReading | null, b: ScaleReading): boolean {
  return a !== null && a.status === b.status && a.grams === b.grams && a.raw.unit === b.raw.unit && a.raw.value === b.raw.value;
}
