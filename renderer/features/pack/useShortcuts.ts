import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from './shortcuts';

/**
 * Runs the screen's shortcut for each F-key (and Escape) while `active`. The browser's own uses of
 * these keys (F3 find, F5 reload, F6 address bar, F7 caret, F10 menu) are cancelled on this screen.
 */
export function useShortcuts(active: boolean, run: (action: ShortcutAction) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      const action = shortcutFor(event.key);
      if (/^F\d+$/.test(event.key)) event.preventDefault();
      if (!action || event.repeat) return;
      event.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active]);
}
