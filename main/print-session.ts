import type { Session, WebContents } from 'electron';
import { isAllowedPrintRequest, printJobResponse, PRINT_SCHEME } from './print-window';
import type { OpenPrintJobs } from './print-window';
import type { ShellLog } from './shell-log';

export type PrintSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'protocol' | 'webRequest' | 'on'
>;

/**
 * Once per run, on the print partition's session: every permission refused (a PDF needs none),
 * print jobs served from memory on packdesk-print://, nothing downloaded to disk, and the network
 * and the file system out of reach.
 */
export function hardenPrintSession(session: PrintSession, jobs: OpenPrintJobs, log: ShellLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log('denied a permission request in the print window', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.protocol.handle(PRINT_SCHEME, (request) => printJobResponse(jobs, request));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedPrintRequest(details.url);
    if (!allowed) log('blocked a request from the print window', { url: details.url });
    callback({ cancel: !allowed });
  });
  // Chromium falls back to downloading a PDF it cannot show; nothing of a print job goes to disk.
  session.on('will-download', (event) => {
    event.preventDefault();
    log('blocked a download from the print window', {});
  });
}

/** The print window loads one URL and stays there: no navigation, redirect or new window. */
export function pinPrintWindow(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, log: ShellLog): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log('blocked a navigation in the print window', { url: event.url });
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log('blocked a redirect in the print window', { url: event.url });
  });
  contents.setWindowOpenHandler(({ url }) => {
    log('blocked a new window from the print window', { url });
    return { action: 'deny' };
  });
}
