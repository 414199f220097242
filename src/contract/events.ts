import type { Result } from './errors';
import type { ScaleReadingView, ScanSubmitResult } from './packing';
import type { PrintJobView } from './printing';
import type { CurrentLogin } from './schemas';
import type { SyncProgress } from './sync';

/**
 * What the core pushes to the UIs of a station. An event with a `loginId` is for that login's client
 * alone; the others go to every client logged in at the station (never to a logged-out one).
 */
export interface StationEvents {
  /** A login of this client began or ended (logout, idle, ended by a manager); only that login's client hears it. */
  'auth.changed': {
    stationId: string;
    loginId: number;
    login: CurrentLogin | null;
    reason: 'login' | 'logout' | 'idle' | 'ended_by_manager' | 'replaced' | 'user_inactive';
  };
  /** Orders were added, changed or locked; queues should refresh. */
  'queue.changed': { stationId: string | null };
  /** A scan the core read itself (HID POS scanner) was handled; the screen shows it as its own. */
  'scan.handled': { stationId: string; loginId: number; source: 'hid'; result: Result<ScanSubmitResult> };
  /**
   * A scan the core read itself (HID POS scanner) at a desk whose screen decides what a scan means
   * (the returns desk): the screen takes it as it takes a wedge scan.
   */
  'scan.read': { stationId: string; loginId: number; data: string; symbology: string | null };
  /** The station's scale reported a new reading. */
  'scale.reading': { stationId: string; reading: ScaleReadingView | null };
  /** A print job or an owed document changed; `job` is null when only a document being made did. */
  'print.job.changed': { stationId: string; job: PrintJobView | null };
  /** The station's link to central went online or offline, or its leases changed: the screen says "offline". */
  'central.changed': { stationId: null; online: boolean; leases: number };
  /** A running sync moved on: the settings screen's progress bar. */
  'sync.progress': SyncProgress;
  /** The outbox or the sync settings changed; the sync panel should refresh its status. */
  'sync.changed': Record<string, never>;
  /** A recording was stopped because it reached its cap or the disk quota: the packing screen warns loudly. */
  'video.stopped': {
    stationId: string;
    segmentId: number;
    sessionId: number | null;
    returnNumber: string | null;
    reason: 'cap' | 'quota';
    bytes: number;
    limitBytes: number;
  };
  /**
   * Something changed at a station (an entry was journaled, a print job or the outbox moved): the
   * managers' shift view, wherever they are logged in, asks again. Heard by managers only.
   */
  'shift.changed': { stationId: null; from: string; type: string };
  /** A journal check started from a manager's screen moved on: only that login's client hears it. */
  'journal.verify.progress': { stationId: string; loginId: number; checked: number; total: number };
  /** A return or a parcel that is not ours was opened or changed: the returns lists (desk and managers) refresh. */
  'returns.changed': { stationId: null; number: string; status: string };
}
export type EventName = keyof StationEvents;
export interface StationEvent<E extends EventName = EventName> {
  name: E;
  payload: StationEvents[E];
}
/** Every event, so the compiler refuses one left out (the browser's transport listens for these names only). */
const EVERY_EVENT: { [E in EventName]: true } = {
  'auth.changed': true,
  'queue.changed': true,
  'scan.handled': true,
  'scan.read': true,
  'scale.reading': true,
  'print.job.changed': true,
  'central.changed': true,
  'sync.progress': true,
  'sync.changed': true,
  'video.stopped': true,
  'journal.verify.progress': true,
  'shift.changed': true,
  'returns.changed': true,
};
export const EVENT_NAMES: readonly EventName[] = Object.keys(EVERY_EVENT) as EventName[];
