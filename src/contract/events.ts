import type { Result } from './errors';
import type { ScaleReadingView, ScanSubmitResult } from './packing';
import type { PrintJobView } from './printing';
import type { LoginSession } from './schemas';
import type { SyncProgress } from './sync';

/** What the core pushes to every connected UI of a station. */
export interface StationEvents {
  /** Someone logged in or out, or the idle timer logged them out. */
  'auth.changed': { stationId: string; session: LoginSession | null; reason: 'login' | 'logout' | 'idle' };
  /** Orders were added, changed or locked; queues should refresh. */
  'queue.changed': { stationId: string | null };
  /** A scan the core read itself (HID POS scanner) was handled; the screen shows it as its own. */
  'scan.handled': { stationId: string; source: 'hid'; result: Result<ScanSubmitResult> };
  /** The station's scale reported a new reading. */
  'scale.reading': { stationId: string; reading: ScaleReadingView | null };
  /** A print job or an owed document changed; `job` is null when only a document being made did. */
  'print.job.changed': { stationId: string; job: PrintJobView | null };
  /** A running sync moved on: the settings screen's progress bar. */
  'sync.progress': SyncProgress;
  /** The outbox or the sync settings changed; the sync panel should refresh its status. */
  'sync.changed': Record<string, never>;
  /** A recording was stopped because it reached its cap or the disk quota: the packing screen warns loudly. */
  'video.stopped': { stationId: string; segmentId: number; sessionId: number; reason: 'cap' | 'quota'; bytes: number; limitBytes: number };
}
export type EventName = keyof StationEvents;
export interface StationEvent<E extends EventName = EventName> {
  name: E;
  payload: StationEvents[E];
}
export const EVENT_NAMES: readonly EventName[] = ['auth.changed', 'queue.changed', 'scan.handled', 'scale.reading', 'print.job.changed', 'sync.progress', 'sync.changed', 'video.stopped'];
