import { functionKeys, type KeyPress } from '../../keyboard/router';
import { useKeys } from '../../keyboard/useKeys';
import { shortcutFor, type ShortcutAction } from './shortcuts';

/**
 * Gives the packing screen's shortcuts to the keyboard router while `active`: each F-key (and
 * Escape) runs its action; `run` returns false to leave the key to the page. The browser's own
 * uses of these keys (F3 find, F5 reload, F6 address bar, F7 caret, F10 menu) are cancelled on
 * this screen. Open dialogs and the error overlay hold the keys first (keyboard/router.ts).
 */
export function useShortcuts(active: boolean, run: (action: ShortcutAction) => boolean | void): void {
  const onKey = (press: KeyPress): boolean | void => {
    if (press.ctrlKey || press.altKey || press.metaKey) return false;
    const action = shortcutFor(press.key);
    // A held key runs once; an F-key without an action is still kept from the browser.
    if (!action || press.repeat) return /^F\d+$/.test(press.key);
    return run(action);
  };
  useKeys('screen', { ...functionKeys(onKey), Escape: onKey }, active);
}
