import { isAppUrl } from './app-url';

/** What main knows about the frame that sent an IPC message; null when the frame is gone. */
export interface SenderFrame {
  url: string | null | undefined;
  isMainFrame: boolean;
  /** The web contents the frame lives in: its window's client. */
  contentsId: number;
}

/**
 * Only our own page may talk to the core: the main frame of a document on app://packdesk.
 * A subframe, a file:// page or anything navigated elsewhere is refused, even though the
 * window should never get there, because the IPC channel is the door to the whole station.
 */
export function isTrustedSender(sender: Pick<SenderFrame, 'url' | 'isMainFrame'> | null | undefined): boolean {
  if (!sender || sender.isMainFrame !== true) return false;
  return isAppUrl(sender.url);
}
