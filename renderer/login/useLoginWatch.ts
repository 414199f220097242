import { useEffect } from 'react';
import type { CurrentLogin } from '../../src/contract/schemas';
import { call } from '../api/client';

const CHECK_EVERY_MS = 60_000;

/**
 * Events can be missed while the event stream reconnects; a passive look at the core's login
 * once a minute (it does not count as activity) keeps the screen honest about who is logged in.
 */
export function useLoginWatch(userId: number | undefined, onChange: (login: CurrentLogin | null) => void): void {
  useEffect(() => {
    if (userId === undefined) return;
    const timer = setInterval(() => {
      void call('auth.current', {}).then((result) => {
        if (!result.ok) return;
        if (result.value?.user.id !== userId) onChange(result.value);
      });
    }, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [userId, onChange]);
}
