import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
import { createInvokeHandler, forwardStationEvents } from './invoke';
import type { StationCalls, StationEventSource, WindowClients } from './invoke';
import type { StationEvent } from '../src/contract/events';
import type { SenderFrame } from './sender';
import type { ShellLog } from './shell-log';

function senderOf(event: IpcMainInvokeEvent): SenderFrame | null {
  // A frame that navigated away or was disposed mid-call can throw on access; treat it as gone.
  try {
    const frame = event.senderFrame;
    if (!frame) return null;
    return { url: frame.url, isMainFrame: frame.parent === null, contentsId: event.sender.id };
  } catch {
    return null;
  }
}

/** Registers the invoke channel once for the app; every call is checked by sender. */
export function handleStationCalls(station: StationCalls, log: ShellLog, clients: WindowClients): () => void {
  const handle = createInvokeHandler(station, log, clients);
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => handle(senderOf(event), method, input));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Pushes core events into one window for as long as it lives. */
export function sendStationEvents(events: StationEventSource, window: BrowserWindow, hears: (event: StationEvent) => boolean): () => void {
  const contents = window.webContents;
  const stop = forwardStationEvents(
    events,
    (event) => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
    },
    hears,
  );
  window.once('closed', stop);
  return stop;
}
