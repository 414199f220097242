import { describe, expect, it, vi } from 'vitest';
import { hardenPrintSession, pinPrintWindow } from '../../../main/print-session';
import type { PrintSession } from '../../../main/print-session';
import { printJobUrl } from '../../../main/print-window';

type Handler = (...args: never[]) => unknown;

/** A stand-in for Electron's Session that keeps what the print code installs on it. */
function fakeSession() {
  const installed = new Map<string, Handler>();
  const keep = (name: string) => (handler: Handler) => installed.set(name, handler);
  const session = {
    setPermissionRequestHandler: keep('request'),
    setPermissionCheckHandler: keep('check'),
    setDevicePermissionHandler: keep('device'),
    protocol: { handle: (scheme: string, handler: Handler) => installed.set(`protocol:${scheme}`, handler) },
    webRequest: { onBeforeRequest: keep('beforeRequest') },
    on: (event: string, handler: Handler) => installed.set(`on:${event}`, handler),
  };
  return {
    session: session as unknown as PrintSession,
    call: (name: string, ...args: unknown[]) => (installed.get(name) as (...a: unknown[]) => unknown)(...args),
    installed,
  };
}

const ID = '0b0f5c3e-6d1a-4c2b-9a7e-3f1d2c4b5a69';

describe('hardenPrintSession', () => {
  const log = vi.fn();
  const { session, call, installed } = fakeSession();
  hardenPrintSession(session, new Map([[ID, new Uint8Array([0x25, 0x50, 0x44, 0x46])]]), log);

  it.each(['media', 'fullscreen', 'notifications', 'openExternal', 'hid', 'clipboard-read', 'unknown'])(
    'refuses the %s permission when asked and when checked',
    (permission) => {
      const callback = vi.fn();
      call('request', {}, permission, callback, { requestingUrl: 'packdesk-print://job/x' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(call('check', {}, permission, 'packdesk-print://job', {})).toBe(false);
    },
  );

  it('refuses every device', () => {
    expect(call('device', { deviceType: 'hid', origin: 'packdesk-print://job', device: {} })).toBe(false);
  });

  it('serves open jobs on packdesk-print:// from memory', async () => {
    expect(installed.has('protocol:packdesk-print')).toBe(true);
    const response = (await call('protocol:packdesk-print', new Request(printJobUrl(ID, 'slip')))) as Response;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('%PDF');
  });

  it('cancels requests to the file system and the network', () => {
    const answer = (url: string) => {
      const callback = vi.fn();
      call('beforeRequest', { url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(answer('file:///tmp/packdesk-print-1/label.pdf')).toEqual({ cancel: true });
    expect(answer('https://evil.example/')).toEqual({ cancel: true });
    expect(answer(printJobUrl(ID, 'slip'))).toEqual({ cancel: false });
  });

  it('never lets a print job be downloaded to disk', () => {
    const event = { preventDefault: vi.fn() };
    call('on:will-download', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('pinPrintWindow', () => {
  const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (event: string, listener: (event: { url: string; preventDefault(): void }) => void) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  pinPrintWindow(contents as never, vi.fn());

  it.each(['will-navigate', 'will-redirect'])('stops every %s, even to our own scheme', (name) => {
    for (const url of [printJobUrl(ID, 'other'), 'https://www.dhl.de/', 'file:///etc/passwd']) {
      const event = { url, preventDefault: vi.fn() };
      listeners.get(name)?.(event);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('opens no window', () => {
    expect(openHandler?.({ url: 'https://www.dhl.de/' })).toEqual({ action: 'deny' });
  });
});
