import type { EventName, StationEvent, StationEvents } from '../contract/events';
import type { Journal } from './ports';

export type EventListener = (event: StationEvent) => void;

/** The station's one event stream; hosts forward it to their UIs. */
export class EventStream {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: StationEvents[E]): void {
    for (const listener of [...this.listeners]) listener({ name, payload } as StationEvent);
  }
}

/**
 * The station's journal, telling the managers' shift view to ask again: whatever is journaled
 * changes what it shows, and so do the print queues, the shop's outbox and the returns, which move
 * without a journal entry.
 */
export function withShiftHints(journal: Journal, events: EventStream): Journal {
  events.subscribe((event) => {
    if (event.name === 'print.job.changed' || event.name === 'sync.changed' || event.name === 'returns.changed')
      events.emit('shift.changed', { stationId: null, from: 'stationId' in event.payload ? String(event.payload.stationId) : '', type: event.name });
  });
  return {
    ...journal,
    append(entry) {
      const written = journal.append(entry);
      events.emit('shift.changed', { stationId: null, from: written.stationId, type: written.type });
      return written;
    },
  };
}

/**
 * Events that only say "ask again" (the managers' shift view reloads on them): a listener needs
 * the latest of a burst, not each one. A busy floor journals several entries a second.
 */
const HINTS: ReadonlySet<EventName> = new Set<EventName>(['shift.changed']);
/** At most one hint of each name per listener this often; the latest of a burst comes last. */
export const HINT_EVERY_MS = 500;

export interface PacedDelivery {
  push(event: StationEvent): void;
  close(): void;
}

interface HintState {
  sentAt: number;
  held: StationEvent | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * How one listener (a page's event stream, a window) is sent the station's events. Each event goes
 * out on the next turn of the event loop, after the call that caused it has answered: a scan's
 * answer never waits behind the writes of the events it set off, nor behind the checks of who
 * hears them (`send` makes those). Hints are paced by HINT_EVERY_MS; everything else keeps its order.
 */
export function pacedDelivery(send: EventListener, everyMs = HINT_EVERY_MS): PacedDelivery {
  let queue: StationEvent[] = [];
  let closed = false;
  const hints = new Map<EventName, HintState>();

  const sendHint = (event: StationEvent): void => {
    let hint = hints.get(event.name);
    if (!hint) hints.set(event.name, (hint = { sentAt: -Infinity, held: null, timer: null }));
    if (hint.timer) {
      hint.held = event;
      return;
    }
    const wait = hint.sentAt + everyMs - performance.now();
    if (wait <= 0) {
      hint.sentAt = performance.now();
      return send(event);
    }
    hint.held = event;
    const state = hint;
    state.timer = setTimeout(() => {
      state.timer = null;
      const held = state.held;
      state.held = null;
      if (closed || !held) return;
      state.sentAt = performance.now();
      send(held);
    }, wait);
  };

  const flush = (): void => {
    const batch = queue;
    queue = [];
    for (const event of batch) {
      if (closed) return;
      if (HINTS.has(event.name)) sendHint(event);
      else send(event);
    }
  };

  return {
    push(event) {
      if (closed) return;
      queue.push(event);
      if (queue.length === 1) setImmediate(flush);
    },
    close() {
      closed = true;
      queue = [];
      for (const hint of hints.values()) if (hint.timer) clearTimeout(hint.timer);
    },
  };
}
