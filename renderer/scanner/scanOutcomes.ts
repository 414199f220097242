import type { StationError } from '../../src/contract/errors';
import type { PackingView, ScanOutcomeView } from '../../src/contract/packing';
import type { CurrentLogin, UserSummary } from '../../src/contract/schemas';

/**
 * What a scan meant, told to the features that show it. The scan pipeline (scans.ts) publishes;
 * the login and packing features subscribe, so each feature's store is written only by that feature.
 */
export type ScanOutcome =
  /** A scan has gone to the core; `loggedIn` says whether someone was logged in as it went. */
  | { kind: 'sent'; code: string; loggedIn: boolean }
  /** The core no longer knows the login this screen had: the login has ended. */
  | { kind: 'loggedOut' }
  /** A known badge whose owner must add their PIN. */
  | { kind: 'pinNeeded'; badge: string; user: UserSummary }
  /** Nobody is logged in and the core refused the scan (an unknown badge, a disabled user …). */
  | { kind: 'badgeRefused'; error: StationError }
  | { kind: 'loggedIn'; login: CurrentLogin }
  /** Someone is logged in and the core refused the scan: `code` is null for a HID scan. */
  | { kind: 'refused'; code: string | null; error: StationError }
  | { kind: 'opened'; view: PackingView }
  /** `timed`: the scan came from the wedge and its key-end was marked, so the verdict is measured. */
  | { kind: 'scanned'; outcome: ScanOutcomeView; view: PackingView; timed: boolean };

export type ScanFollower = (outcome: ScanOutcome) => void;

const followers = new Set<ScanFollower>();

/** Returns the function that stops following. */
export function followScans(follower: ScanFollower): () => void {
  followers.add(follower);
  return () => {
    followers.delete(follower);
  };
}

export function publishScanOutcome(outcome: ScanOutcome): void {
  for (const follower of [...followers]) follower(outcome);
}
