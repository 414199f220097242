import type { Result } from '../../src/contract/errors';
import type { ScanSubmitResult } from '../../src/contract/packing';
import { ROLES, type Role } from '../../src/domain/user';
import { call, onCoreTiming } from '../api/client';
import { publishScanOutcome, type ScanOutcome } from './scanOutcomes';
import { markAnswer, markDispatch, markSent } from './timing';
import { useStationStore } from '../station/stationStore';

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export type ScreenScanSource = 'wedge' | 'manual';

// The host's share of a scan's round trip goes into its timing (test/bench/wedge-burst.mjs reads it).
onCoreTiming((method, ms) => {
  if (method === 'scan.submit') markDispatch(ms);
});

// Scans go to the core one after another: two quick scans must be judged in the order they were made.
let queue: Promise<void> = Promise.resolve();

/**
 * Every scan the screen reads (the wedge scanner, or a code typed into a scan field) goes through
 * the core's one pipeline, `scan.submit`; what it meant (a badge, an order, an item) comes back.
 */
export function routeScan(data: string, source: ScreenScanSource): Promise<void> {
  const code = source === 'manual' ? data.trim() : data;
  if (!code) return queue;
  queue = queue.then(async () => {
    publishScanOutcome({ kind: 'sent', code, loggedIn: useStationStore.getState().login !== null });
    if (source === 'wedge') markSent();
    const result = await call('scan.submit', { data: code, symbology: null, source });
    if (source === 'wedge') markAnswer();
    showScanResult(result, code, source === 'wedge');
  });
  return queue;
}

/**
 * Shows what a scan meant, whether the screen sent it or the core read it from a HID scanner:
 * the login follows here, the login and packing screens follow the published outcome.
 */
export function showScanResult(result: Result<ScanSubmitResult>, code: string | null, timed: boolean): void {
  const login = useStationStore.getState();
  const outcome = scanMeaning(result, code, timed, login.login !== null);
  if (outcome.kind === 'loggedOut') login.ended('logout');
  if (outcome.kind === 'loggedIn') login.loggedIn(outcome.login);
  publishScanOutcome(outcome);
}

/** The core's answer to a scan, read for the screen: who it is for depends on whether someone is logged in. */
export function scanMeaning(result: Result<ScanSubmitResult>, code: string | null, timed: boolean, loggedIn: boolean): ScanOutcome {
  if (!result.ok) {
    const { error } = result;
    if (error.code === 'NOT_LOGGED_IN' && loggedIn) return { kind: 'loggedOut' };
    if (loggedIn) return { kind: 'refused', code, error };
    if (error.code === 'PIN_REQUIRED' && code !== null) {
      const { userId, name, role } = error.params ?? {};
      if (typeof userId === 'number' && typeof name === 'string' && isRole(role)) {
        return { kind: 'pinNeeded', badge: code, user: { id: userId, name, role, language: null } };
      }
    }
    return { kind: 'badgeRefused', error };
  }
  const answer = result.value;
  if (answer.kind === 'login') return { kind: 'loggedIn', login: answer.login };
  if (answer.kind === 'opened') return { kind: 'opened', view: answer.view };
  return { kind: 'scanned', outcome: answer.outcome, view: answer.view, timed };
}
