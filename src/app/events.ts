import type { EventName, StationEvent, StationEvents } from '../contract/events';

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
