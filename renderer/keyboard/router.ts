/**
 * The renderer's one keyboard router. Every key press on the page comes here first — one
 * `keydown` listener on window, in the capture phase, so before any field or button sees it —
 * and is offered in this order, stopping at the first that takes it:
 *
 *   1. The scanner. A wedge scanner types; a key that belongs to a scan in progress goes nowhere
 *      else: not into a field, not to a button, not to a dialog or a shortcut. (A burst's first
 *      key cannot be told from typing; it passes, and the scanner takes it back from the field
 *      when the burst turns out to be a scan — renderer/scanner/wedge.ts.) A scan's Enter is the
 *      scanner's, however short the code: a scan never presses the focused button.
 *   2. Watchers see every key the scanner let through and never take one (the idle logout).
 *   3. The top-most open dialog, and only that one: the newest registered on the 'dialog' layer
 *      (a Dialog, the error overlay, a blocking banner). Escape closes it. A key it does not take
 *      goes to the page (its focused field or button: Enter is its own) and nowhere below it.
 *   4. The current screen's shortcuts ('screen' layer, newest first), only while no dialog is open.
 *   5. The page: the focused element's own handling and the browser's default.
 *
 * A key a layer takes is handled: its default is prevented and it travels no further. A handler
 * returns false to leave the key to what comes next.
 */

/** The parts of a KeyboardEvent the layers decide by; a KeyboardEvent is one. */
export interface KeyPress {
  readonly key: string;
  readonly repeat: boolean;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly isComposing: boolean;
  /** Milliseconds on a monotonic clock: the scanner tells a scan from typing by the gaps. */
  readonly timeStamp: number;
}

/** Returns false to leave the key to whatever comes next; anything else means it was handled. */
export type KeyHandler = (press: KeyPress) => boolean | void;

/** Handlers by `KeyboardEvent.key` ('Escape', 'F2', 'Enter' …). */
export type KeyHandlers = Readonly<Partial<Record<string, KeyHandler>>>;

export type KeyLayer = 'dialog' | 'screen';

/** The first stage: `consume` is true for a key that belongs to a scan. */
export interface KeyScanner {
  feed(press: KeyPress): { consume: boolean };
}

/** Where a key press ended: the stage that took it, or the page when none did. */
export type KeyRoute = 'scanner' | 'dialog' | 'screen' | 'page';

type Entry = { handlers: KeyHandlers | (() => KeyHandlers) };

export class KeyRouter {
  private scanner: KeyScanner | null = null;
  private readonly watchers = new Set<(press: KeyPress) => void>();
  private readonly layers: Record<KeyLayer, Entry[]> = { dialog: [], screen: [] };

  setScanner(scanner: KeyScanner | null): void {
    this.scanner = scanner;
  }

  /** Sees every key the scanner lets through. Returns the function that stops watching. */
  watch(watcher: (press: KeyPress) => void): () => void {
    this.watchers.add(watcher);
    return () => {
      this.watchers.delete(watcher);
    };
  }

  /**
   * Adds handlers on top of their layer; a getter is read at each key, so handlers can change
   * without moving. Returns the function that removes them.
   */
  register(layer: KeyLayer, handlers: KeyHandlers | (() => KeyHandlers)): () => void {
    const entry: Entry = { handlers };
    this.layers[layer].push(entry);
    return () => {
      const entries = this.layers[layer];
      const at = entries.indexOf(entry);
      if (at >= 0) entries.splice(at, 1);
    };
  }

  route(press: KeyPress): KeyRoute {
    if (this.scanner?.feed(press).consume) return 'scanner';
    for (const watcher of [...this.watchers]) watcher(press);
    const top = this.layers.dialog.at(-1);
    if (top) return offer(top, press) ? 'dialog' : 'page';
    for (const entry of [...this.layers.screen].reverse()) {
      if (offer(entry, press)) return 'screen';
    }
    return 'page';
  }
}

function offer(entry: Entry, press: KeyPress): boolean {
  const handlers = typeof entry.handlers === 'function' ? entry.handlers() : entry.handlers;
  const handler = handlers[press.key];
  return handler !== undefined && handler(press) !== false;
}

/** F1 … F24 bound to one handler: the keys screens use for shortcuts, and browsers for their own. */
export function functionKeys(handler: KeyHandler): KeyHandlers {
  return Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`F${i + 1}`, handler]));
}

/**
 * The one `keydown` listener of the renderer. Returns the function that removes it.
 * A key the scanner took stops at once, before any other listener; one a layer took is
 * prevented and goes no further than window.
 */
export function listenForKeys(router: KeyRouter, target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void {
  const onKeyDown = (event: Event): void => {
    const route = router.route(event as KeyboardEvent);
    if (route === 'page') return;
    event.preventDefault();
    if (route === 'scanner') event.stopImmediatePropagation();
    else event.stopPropagation();
  };
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
}

/** The page's router: main.tsx gives it the scanner and the window, features register with it. */
export const keyboard = new KeyRouter();
