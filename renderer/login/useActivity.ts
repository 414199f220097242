import { useEffect } from 'react';
import { call } from '../api/client';
import { keyboard } from '../keyboard/router';
import { ActivityThrottle } from './activity';

/**
 * Tells the core the packer is still at the table while keys or the pointer are used, so the
 * idle logout only hits an empty station. `onGone` runs when the core says the login has ended.
 */
export function useActivity(active: boolean, onGone: () => void): void {
  useEffect(() => {
    if (!active) return;
    const throttle = new ActivityThrottle(performance.now());
    const onInput = () => {
      if (!throttle.take(performance.now())) return;
      void call('auth.activity', {}).then((result) => {
        if (!result.ok && result.error.code === 'NOT_LOGGED_IN') onGone();
      });
    };
    const stopWatching = keyboard.watch(onInput);
    window.addEventListener('pointerdown', onInput, { capture: true, passive: true });
    return () => {
      stopWatching();
      window.removeEventListener('pointerdown', onInput, { capture: true });
    };
  }, [active, onGone]);
}
