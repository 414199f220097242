import { StationFailure } from '../../contract/errors';
import type { ScaleReadingView } from '../../contract/packing';
import type { PackingDeps } from './desk';
import type { ScaleReading } from '../ports';

export function toReadingView(reading: ScaleReading | null): ScaleReadingView | null {
  return reading ? { status: reading.status, grams: reading.grams, stable: reading.stable, at: reading.at } : null;
}

/**
 * The weight of a parcel: from the station's scale when it has one (a settled reading only),
 * typed by hand only at a station without a scale, so a packer cannot type a weight that fits.
 */
export function readScale(
  deps: Pick<PackingDeps, 'stationId' | 'scale'>,
  stationId: string,
  typed: number | undefined,
): { grams: number; source: 'scale' | 'manual' } {
  const scale = stationId === deps.stationId ? deps.scale : null;
  if (!scale) {
    if (typed === undefined) throw new StationFailure('SCALE_UNAVAILABLE', 'This station has no scale; type the weight in grams.');
    return { grams: typed, source: 'manual' };
  }
  if (typed !== undefined) throw new StationFailure('FORBIDDEN', 'This station weighs with its scale; put the parcel on the scale.');
  const reading = scale.current();
  if (!reading || reading.grams === null || scale.status().state !== 'connected') {
    throw new StationFailure('SCALE_UNAVAILABLE', 'The scale does not answer; check its cable and power.');
  }
  if (!reading.stable || reading.status !== 'stable')
    throw new StationFailure('SCALE_UNSTABLE', 'The scale has not settled yet; wait a moment and weigh again.');
  return { grams: Math.round(reading.grams), source: 'scale' };
}
