import { StationFailure } from '../../contract/errors';
import { ENTRY_TYPES, entryTypeName } from '../../domain/journal-text';
import { acrossStations, type Across } from '../central/across';
import type { CommonPorts } from '../context';
import type { HandlerSlice } from '../handlers';
import type { ReviewPorts } from '../ports/video';
import { entryView, namesFor, readerLanguage } from './words';

type JournalMethods = 'journal.search' | 'journal.filters' | 'journal.verify';

/** The journal from the manager's screen: searched, said in words, and checked whole with progress. */
export function journalHandlers(core: CommonPorts, review: ReviewPorts | null, across: Across): HandlerSlice<JournalMethods> {
  const ports = (): ReviewPorts => {
    if (!review) throw new StationFailure('EVIDENCE_UNAVAILABLE', 'This station host cannot search or check the journal.');
    return review;
  };
  let running: Promise<unknown> | null = null;
  return {
    'journal.search': async (input, call) => {
      const language = readerLanguage(core, call, input.language);
      // An order is found however its number was typed; an unknown one matches nothing.
      const order = input.orderNumber === undefined ? undefined : (core.store.orders.byNumber(input.orderNumber)?.number ?? input.orderNumber);
      const query = {
        ...(input.userId !== undefined ? { actorId: input.userId } : {}),
        ...(input.stationId !== undefined ? { stationId: input.stationId } : {}),
        ...(input.types && input.types.length > 0 ? { types: input.types } : {}),
        ...(order !== undefined ? { subject: { kind: 'order' as const, id: order } } : {}),
        ...(input.from !== undefined ? { from: new Date(input.from).toISOString() } : {}),
        ...(input.to !== undefined ? { to: new Date(input.to).toISOString() } : {}),
        ...(input.text !== undefined && input.text.trim() !== '' ? { text: input.text } : {}),
        limit: input.limit,
        offset: input.offset,
      };
      // Attached: every station's entries, as central holds them (each names the station it was made at).
      const { value: page, readFrom } = await acrossStations(
        across,
        'journal search',
        (link) => link.search(query),
        (atCentral) => atCentral,
        () => ports().search.search(query),
      );
      const names = namesFor(core);
      return {
        entries: page.entries.map((entry) => entryView(entry, language, names)),
        total: page.total,
        totalIsAtLeast: page.totalIsAtLeast,
        offset: input.offset,
        limit: input.limit,
        readFrom,
      };
    },
    'journal.filters': async (input, call) => {
      const language = readerLanguage(core, call, input.language);
      const users = core.store.users.list();
      const people = users.map((u) => ({ id: u.id, name: u.name, role: u.role, active: u.active }));
      const typed = (types: readonly string[]) => types.map((type) => ({ type, name: entryTypeName(type, language) }));
      // Attached: the types, stations and people of every station's entries, as central names them
      // (a person this station does not know by their number); else this station's own.
      const { value, readFrom } = await acrossStations(
        across,
        'journal filters',
        (link) => link.journalFilters(),
        (atCentral) => ({
          types: typed([...ENTRY_TYPES, ...atCentral.types.filter((t) => !ENTRY_TYPES.includes(t))]),
          stations: atCentral.stations,
          people: [
            ...people,
            ...atCentral.actorIds.filter((id) => !users.some((u) => u.id === id)).map((id) => ({ id, name: `#${id}`, role: 'packer' as const, active: true })),
          ],
        }),
        () => ({ types: typed(ENTRY_TYPES), stations: core.store.stations.list().map((s) => ({ id: s.id, name: s.name })), people }),
      );
      return { ...value, readFrom };
    },
    'journal.verify': async (_input, call) => {
      if (running) throw new StationFailure('JOURNAL_CHECK_RUNNING', 'The journal is being checked already; wait for that check to finish.');
      const loginId = call.login?.id;
      const started = core.clock.now().getTime();
      const check = ports().verifyJournal((checked, total) => {
        if (loginId !== undefined) core.events.emit('journal.verify.progress', { stationId: call.stationId, loginId, checked, total });
      });
      running = check;
      try {
        const result = await check;
        const seconds = Math.max(0, (core.clock.now().getTime() - started) / 1000);
        core.journal.append({
          type: 'journal.verified',
          stationId: call.stationId,
          actorId: call.user?.id ?? null,
          subject: { kind: 'station', id: call.stationId },
          payload: { intact: result.intact, entries: result.entries, lastSeq: result.lastSeq, firstProblemSeq: result.problems[0]?.seq ?? null },
        });
        core.logger.info('journal checked from the screen', { intact: result.intact, entries: result.entries, seconds });
        return { ...result, seconds };
      } finally {
        running = null;
      }
    },
  };
}
