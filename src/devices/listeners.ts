import type { Unsubscribe } from '../app/ports/devices';

/**
 * The subscribers of one device event. A listener that throws must not stop the others or
 * break the device's read loop, so its error goes to `onListenerError` instead.
 */
export class Listeners<T> {
  private readonly listeners = new Set<(value: T) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  add(listener: (value: T) => void): Unsubscribe {
    // Wrapped so the same function can subscribe twice and unsubscribe each time on its own.
    const entry = (value: T) => listener(value);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
