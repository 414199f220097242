import { StationFailure } from '../../contract/errors';
import type { ShiftBoundsView, ShiftPatternsView } from '../../contract/shift';
import { checkShiftStarts, DEFAULT_SHIFT_STARTS, shiftContaining } from '../../domain/shifts';
import type { CallContext, CommonPorts } from '../context';
import type { Store } from '../ports/store';

/** A station's shift starts: its own, else the warehouse's, else the default three shifts. */
export function startsAt(store: Pick<Store, 'shifts'>, stationId: string): readonly string[] {
  return store.shifts.stations().get(stationId) ?? store.shifts.warehouse() ?? DEFAULT_SHIFT_STARTS;
}

/** The shift at a station that contains `at`, in the station's time zone. */
export function shiftAt(store: Pick<Store, 'shifts' | 'stations'>, stationId: string, at: Date): ShiftBoundsView {
  const station = store.stations.get(stationId);
  if (!station) throw new StationFailure('STATION_NOT_FOUND', `There is no station ${stationId}.`, { station: stationId });
  const shift = shiftContaining(at, startsAt(store, stationId), station.timeZone);
  return { from: shift.from.toISOString(), to: shift.to.toISOString(), start: shift.start, end: shift.end };
}

export function shiftPatterns(deps: Pick<CommonPorts, 'store' | 'clock'>): ShiftPatternsView {
  const { store } = deps;
  const own = store.shifts.stations();
  const warehouse = store.shifts.warehouse();
  const now = deps.clock.now();
  return {
    warehouse: { starts: warehouse ?? [...DEFAULT_SHIFT_STARTS], set: warehouse !== null },
    stations: store.stations.list().map((s) => ({
      stationId: s.id,
      name: s.name,
      timeZone: s.timeZone,
      own: own.get(s.id) ?? null,
      current: shiftAt(store, s.id, now),
    })),
  };
}

/** A manager sets the warehouse's starts or a station's own; refused loudly unless they make sense; journaled. */
export function saveShiftPatterns(
  deps: Pick<CommonPorts, 'store' | 'clock' | 'journal'>,
  call: CallContext,
  input: { stationId: string | null; starts: string[] | null },
): ShiftPatternsView {
  const { store } = deps;
  if (input.stationId !== null && !store.stations.get(input.stationId))
    throw new StationFailure('STATION_NOT_FOUND', `There is no station ${input.stationId}.`, { station: input.stationId });
  if (input.stationId === null && input.starts === null)
    throw new StationFailure('SHIFTS_INVALID', 'The warehouse needs at least one shift start.', { problem: 'empty', time: '' });
  let starts: string[] | null = null;
  if (input.starts !== null) {
    const checked = checkShiftStarts(input.starts);
    if (!checked.ok)
      throw new StationFailure('SHIFTS_INVALID', `Shift starts refused (${checked.problem}${checked.time ? ` at ${checked.time}` : ''}).`, {
        problem: checked.problem,
        time: checked.time ?? '',
      });
    starts = checked.starts;
  }
  const at = deps.clock.now().toISOString();
  store.transaction(() => {
    store.shifts.save(input.stationId, starts, call.user?.id ?? null, at);
    deps.journal.append({
      type: 'settings.shifts',
      stationId: call.stationId,
      actorId: call.user?.id ?? null,
      subject: { kind: 'station', id: input.stationId ?? call.stationId },
      payload: { station: input.stationId, starts },
    });
  });
  return shiftPatterns(deps);
}
