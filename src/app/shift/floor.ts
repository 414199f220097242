import type { ShiftView } from '../../contract/shift';
import { entryTypeName } from '../../domain/journal-text';
import { acrossStations } from '../central/across';
import type { CallContext } from '../context';
import type { CentralFloor } from '../ports/central-console';
import { readerLanguage } from '../review/words';
import { RETURNS_DUE_WITHIN_MS, shiftView, type ShiftDeps } from './view';

/** How far back the floor looks for the people who worked at each station. */
const PEOPLE_SINCE_MS = 12 * 60 * 60 * 1000;

/**
 * The shift view; when attached, with every station central knows (its newest entry, who worked
 * there in the last twelve hours) and the returns due at any station, from their replicated
 * `returns.opened` and `returns.closed` entries. This station's own returns when central cannot be reached.
 */
export async function shiftViewAcross(deps: ShiftDeps, call: CallContext): Promise<ShiftView> {
  const here = shiftView(deps);
  const now = deps.clock.now().getTime();
  const language = readerLanguage(deps, call);
  const name = (id: number | null) => (id === null ? null : (deps.store.users.byId(id)?.name ?? `#${id}`));
  const { value, readFrom } = await acrossStations(
    deps.across,
    'shift view',
    (link) => link.floor(new Date(now - PEOPLE_SINCE_MS).toISOString(), new Date(now + RETURNS_DUE_WITHIN_MS).toISOString()),
    (floor: CentralFloor) => ({
      returnsDue: floor.returnsDue.map((r) => ({
        returnId: r.returnNumber,
        orderNumber: r.orderNumber,
        deadline: r.endsAt,
        customerName: deps.store.orders.byNumber(r.orderNumber)?.customerName ?? '',
        stationId: r.stationId,
      })),
      floor: floor.stations.map((s) => ({
        stationId: s.stationId,
        name: s.name,
        lastEntry: s.lastEntry ? { ...s.lastEntry, typeName: entryTypeName(s.lastEntry.type, language), actor: name(s.lastEntry.actorId) } : null,
        people: s.people.map((p) => ({ userId: p.userId, name: name(p.userId) ?? `#${p.userId}`, lastAt: p.lastAt })),
      })),
    }),
    () => ({ returnsDue: here.returnsDue, floor: [] }),
  );
  return { ...here, ...value, readFrom };
}
