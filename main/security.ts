import { app, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-url';
import { isAllowedRendererRequest, isPermissionGranted, isVettedExternalUrl, navigationDecision, windowOpenDecision } from './security-policy';
import type { ShellLog } from './shell-log';

function openInSystemBrowser(url: string, log: ShellLog): void {
  // Checked again here so no caller can reach openExternal with an unvetted URL.
  if (!isVettedExternalUrl(url)) return;
  shell.openExternal(url).catch((error: unknown) => log('could not open a link in the browser', { url, error: String(error) }));
}

/** Every web contents, ours or not, stays on app://packdesk and opens no windows or webviews. */
function hardenWebContents(contents: WebContents, log: ShellLog): void {
  contents.on('will-navigate', (event) => {
    const decision = navigationDecision(event.url);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') openInSystemBrowser(event.url, log);
    else log('blocked a navigation', { url: event.url });
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isAppUrl(event.url)) return;
    event.preventDefault();
    log('blocked a frame navigation', { url: event.url });
  });
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log('blocked a redirect', { url: event.url });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a webview', {});
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url) === 'open-externally') openInSystemBrowser(url, log);
    else log('blocked a new window', { url });
    return { action: 'deny' };
  });
}

/** Before app ready: sandbox every renderer and harden each web contents as it is created. */
export function hardenApp(log: ShellLog): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}

/** After app ready: permissions (camera only, for our page) and no requests off the app origin. */
export function hardenSession(session: Session, log: ShellLog): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const granted = isPermissionGranted({
      permission,
      requestingUrl: details.requestingUrl,
      isMainFrame: details.isMainFrame,
      mediaTypes,
    });
    if (!granted) log('denied a permission request', { permission, url: details.requestingUrl, mediaTypes });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({
      permission,
      requestingUrl: requestingOrigin,
      isMainFrame: details.isMainFrame,
      mediaTypes: details.mediaType ? [details.mediaType] : undefined,
    }),
  );
  // Scanners and scales are the core's (node-hid); the page gets no WebHID, WebUSB or serial.
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRendererRequest(details.url);
    if (!allowed) log('blocked a request off the app origin', { url: details.url });
    callback({ cancel: !allowed });
  });
}
