import { describe, it, expect } from 'vitest';
import { functionKeys, KeyRouter, listenForKeys, type KeyHandlers, type KeyPress, type KeyScanner } from '../../../../renderer/keyboard/router';
import { WedgeDetector } from '../../../../renderer/scanner/wedge';

let clock = 1000;
/** A key press `gap` ms after the previous one (a person types slower than 50 ms; a scanner does not). */
function press(key: string, gap = 300, more: Partial<KeyPress> = {}): KeyPress {
  clock += gap;
  return { key, repeat: false, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, isComposing: false, timeStamp: clock, ...more };
}

/** The scanner stage with the real burst detection, without the page's fields. */
function wedge(): KeyScanner {
  const detector = new WedgeDetector();
  return { feed: (p) => detector.feed({ key: p.key, ctrlKey: p.ctrlKey, altKey: p.altKey, metaKey: p.metaKey, time: p.timeStamp }) };
}

/** Handlers that write `name:key` to `heard` for each of `keys`. */
function recorder(heard: string[], name: string, keys: string[]): KeyHandlers {
  return Object.fromEntries(keys.map((key) => [key, () => void heard.push(`${name}:${key}`)]));
}

const CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'];

describe('the keyboard router, in its written order', () => {
  it('never lets a key of a scan in progress reach a dialog, the screen or a watcher', () => {
    const router = new KeyRouter();
    router.setScanner(wedge());
    const heard: string[] = [];
    router.watch((p) => heard.push(`watch:${p.key}`));
    router.register('screen', recorder(heard, 'screen', [...CHARS, 'Enter']));
    router.register('dialog', recorder(heard, 'dialog', [...CHARS, 'Enter']));

    const routes = [...'PD-1001', 'Enter'].map((key, i) => router.route(press(key, i === 0 ? 300 : 5)));
    // The burst's first key cannot be told from typing: it passes, and the scanner takes it back
    // from the field once the burst is a scan. Every later key, the ending Enter too, is the scanner's.
    expect(routes).toEqual(['dialog', 'scanner', 'scanner', 'scanner', 'scanner', 'scanner', 'scanner', 'scanner']);
    expect(heard).toEqual(['watch:P', 'dialog:P']);

    // A person's Enter after it is the dialog's again.
    expect(router.route(press('Enter'))).toBe('dialog');
  });

  it("swallows the Enter of a short scan (a box code) so the dialog's focused button is not pressed", () => {
    const router = new KeyRouter();
    router.setScanner(wedge());
    const heard: string[] = [];
    router.register('dialog', recorder(heard, 'dialog', ['Enter']));

    const routes = ['K', '2', 'Enter'].map((key, i) => router.route(press(key, i === 0 ? 300 : 6)));
    // K cannot be told from typing and goes to the page (a button ignores it); Enter is the scan's.
    expect(routes).toEqual(['page', 'scanner', 'scanner']);
    expect(heard).toEqual([]);
  });

  it('gives Escape to the top dialog only, then to the one below, then to the screen', () => {
    const router = new KeyRouter();
    const heard: string[] = [];
    router.register('screen', recorder(heard, 'screen', ['Escape']));
    const closeLower = router.register('dialog', recorder(heard, 'lower', ['Escape']));
    const closeUpper = router.register('dialog', recorder(heard, 'upper', ['Escape']));

    expect(router.route(press('Escape'))).toBe('dialog');
    closeUpper();
    expect(router.route(press('Escape'))).toBe('dialog');
    closeLower();
    expect(router.route(press('Escape'))).toBe('screen');
    expect(heard).toEqual(['upper:Escape', 'lower:Escape', 'screen:Escape']);
  });

  it('holds the screen shortcuts while a dialog is open; keys the dialog does not take go to the page', () => {
    const router = new KeyRouter();
    const heard: string[] = [];
    router.register('screen', recorder(heard, 'screen', ['F3', 'F10', 'Enter', 'Escape']));
    const close = router.register('dialog', recorder(heard, 'dialog', ['Escape']));

    // Enter is the dialog's own: its focused button or form gets it, the screen does not.
    expect(['F3', 'F10', 'Enter'].map((key) => router.route(press(key)))).toEqual(['page', 'page', 'page']);
    expect(heard).toEqual([]);
    close();
    expect(['F3', 'Enter'].map((key) => router.route(press(key)))).toEqual(['screen', 'screen']);
    expect(heard).toEqual(['screen:F3', 'screen:Enter']);
  });

  it('does not offer a key to a dialog below the top one, even when the top one leaves it', () => {
    const router = new KeyRouter();
    const heard: string[] = [];
    router.register('dialog', recorder(heard, 'lower', ['Enter', 'Escape']));
    router.register('dialog', { Escape: () => false });
    expect(router.route(press('Escape'))).toBe('page');
    expect(router.route(press('Enter'))).toBe('page');
    expect(heard).toEqual([]);
  });

  it('lets a screen handler leave a key to the next screen registration, then to the page', () => {
    const router = new KeyRouter();
    const heard: string[] = [];
    router.register('screen', recorder(heard, 'older', ['Escape']));
    let fieldHasFocus = true;
    router.register('screen', { Escape: () => (fieldHasFocus ? false : void heard.push('newer:Escape')) });
    expect(router.route(press('Escape'))).toBe('screen');
    fieldHasFocus = false;
    expect(router.route(press('Escape'))).toBe('screen');
    expect(heard).toEqual(['older:Escape', 'newer:Escape']);
    expect(router.route(press('ArrowDown'))).toBe('page');
  });

  it('reads a registration’s handlers at each key, so they change without leaving their place', () => {
    const router = new KeyRouter();
    const heard: string[] = [];
    let handlers = recorder(heard, 'first', ['Escape']);
    router.register('dialog', () => handlers);
    router.route(press('Escape'));
    handlers = recorder(heard, 'second', ['Escape']);
    router.route(press('Escape'));
    expect(heard).toEqual(['first:Escape', 'second:Escape']);
  });

  it('binds all function keys at once', () => {
    const keys = Object.keys(functionKeys(() => true));
    expect(keys).toHaveLength(24);
    expect(keys).toContain('F1');
    expect(keys).toContain('F24');
  });
});

describe('the one keydown listener', () => {
  /** A keydown as the page gets it (Event's own timeStamp stands in for the press's). */
  function keydown(key: string): Event {
    const { timeStamp: _clock, ...fields } = press(key, 300);
    return Object.assign(new Event('keydown', { cancelable: true, bubbles: true }), fields);
  }

  it('stops a scan’s key before any other listener; prevents a handled key and lets the rest pass', () => {
    const router = new KeyRouter();
    router.setScanner({ feed: (p) => ({ consume: p.key === 'S' }) });
    router.register('screen', { F2: () => true });
    const target = new EventTarget();
    const stop = listenForKeys(router, target);
    const later: string[] = [];
    target.addEventListener('keydown', (event) => later.push((event as unknown as KeyPress).key), { capture: true });

    const scan = keydown('S');
    target.dispatchEvent(scan);
    const shortcut = keydown('F2');
    target.dispatchEvent(shortcut);
    const typing = keydown('a');
    target.dispatchEvent(typing);

    expect([scan.defaultPrevented, shortcut.defaultPrevented, typing.defaultPrevented]).toEqual([true, true, false]);
    expect(later).toEqual(['F2', 'a']);
    stop();
    target.dispatchEvent(keydown('S'));
    expect(later).toEqual(['F2', 'a', 'S']);
  });
});
