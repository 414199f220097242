import { useLayoutEffect, useRef } from 'react';
import { keyboard, type KeyHandlers, type KeyLayer } from './router';

/**
 * Gives `handlers` to the keyboard router on `layer` while the component is mounted and `active`.
 * A layout effect, so a dialog holds the keys from the moment it is on screen; the newest handlers
 * are read at each key, so a re-render never moves a dialog off the top.
 */
export function useKeys(layer: KeyLayer, handlers: KeyHandlers, active = true): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useLayoutEffect(() => {
    if (!active) return;
    return keyboard.register(layer, () => latest.current);
  }, [layer, active]);
}
