import { StationFailure } from '../contract/errors';

/**
 * One limiter for every place a PIN is checked (login, overrides, partial shipments). Wrong PINs
 * are counted per key — a user, a client — and past a few free tries each further attempt must
 * wait twice as long as the one before, up to a ceiling. Waiting is enforced by refusing, never
 * by sleeping, so a guesser holds no resources of the station.
 */
export interface AttemptPolicy {
  /** Wrong PINs allowed before any wait. */
  free: number;
  firstWaitMs: number;
  maxWaitMs: number;
  /** A key with no failure for this long starts afresh. */
  forgetAfterMs: number;
}

interface Failures {
  count: number;
  lastAt: number;
}

export const CLIENT_POLICY: AttemptPolicy = { free: 3, firstWaitMs: 2_000, maxWaitMs: 5 * 60_000, forgetAfterMs: 30 * 60_000 };
/** A user's PIN is guessed from many clients only by an attacker: the user key waits longer, but only applies where no badge was shown. */
export const USER_POLICY: AttemptPolicy = { free: 5, firstWaitMs: 5_000, maxWaitMs: 15 * 60_000, forgetAfterMs: 60 * 60_000 };

export class PinAttempts {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly now: () => number) {}

  /** Milliseconds the key must still wait, 0 when it may try now. */
  waitFor(key: string, policy: AttemptPolicy): number {
    const failures = this.current(key, policy);
    if (!failures || failures.count < policy.free) return 0;
    const wait = Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** (failures.count - policy.free));
    return Math.max(0, failures.lastAt + wait - this.now());
  }

  /** Throws PIN_WRONG (with the seconds) when any of the keys must still wait; the longest wait is the one named. */
  check(keys: readonly (readonly [string, AttemptPolicy])[]): void {
    const wait = Math.max(0, ...keys.map(([key, policy]) => this.waitFor(key, policy)));
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new StationFailure('PIN_WRONG', `Too many wrong PINs; try again in ${seconds} s.`, { seconds });
    }
  }

  failed(keys: readonly (readonly [string, AttemptPolicy])[]): number {
    let most = 0;
    for (const [key, policy] of keys) {
      const count = (this.current(key, policy)?.count ?? 0) + 1;
      this.failures.set(key, { count, lastAt: this.now() });
      most = Math.max(most, count);
    }
    return most;
  }

  succeeded(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  /** A manager's unlock: the user's own key starts afresh (clients keep theirs). */
  forget(key: string): boolean {
    return this.failures.delete(key);
  }

  private current(key: string, policy: AttemptPolicy): Failures | null {
    const failures = this.failures.get(key);
    if (!failures) return null;
    if (this.now() - failures.lastAt > policy.forgetAfterMs) {
      this.failures.delete(key);
      return null;
    }
    return failures;
  }
}

export const userKey = (userId: number): string => `user:${userId}`;
export const clientKey = (client: string): string => `client:${client}`;
