import { describe, expect, it } from 'vitest';
import { isAllowedRendererRequest, isPermissionGranted, isVettedExternalUrl, navigationDecision, windowOpenDecision } from '../../../main/security-policy';

describe('isVettedExternalUrl', () => {
  it.each(['https://www.dhl.de/de/privatkunden/pakete-verfolgen.html?piececode=00340434161234567890', 'https://docs.packdesk.example/scanners'])(
    'accepts plain https to a named host: %s',
    (url) => expect(isVettedExternalUrl(url)).toBe(true),
  );

  it.each([
    'http://www.dhl.de/',
    'file:///etc/passwd',
    'smb://fileserver/share',
    'ms-msdt:/id PCWDiagnostic',
    'javascript:alert(1)',
    'app://packdesk/index.html',
    'https://user:pw@www.dhl.de/',
    'https://www.dhl.de:8443/',
    'https://192.168.1.10/',
    'https://[::1]/',
    'https://localhost/',
    'https://printer.local/',
    'https://intranet/',
    'https://evil.example\\@good.example/',
    ' https://www.dhl.de/',
    'https://www.dhl.de/a b',
    `https://example.com/${'a'.repeat(3000)}`,
    'not a url',
    null,
    undefined,
  ])('refuses %s', (url) => expect(isVettedExternalUrl(url)).toBe(false));
});

describe('navigation and new windows', () => {
  it('keeps navigation on app://packdesk and sends vetted links to the browser', () => {
    expect(navigationDecision('app://packdesk/index.html')).toBe('allow');
    expect(navigationDecision('https://www.ups.com/track?tracknum=1Z999')).toBe('open-externally');
    expect(navigationDecision('http://evil.example/')).toBe('deny');
    expect(navigationDecision('file:///etc/passwd')).toBe('deny');
    expect(navigationDecision('app://other/')).toBe('deny');
  });

  it('never opens a window, even for our own origin', () => {
    expect(windowOpenDecision('app://packdesk/index.html')).toBe('deny');
    expect(windowOpenDecision('about:blank')).toBe('deny');
    expect(windowOpenDecision('https://www.ups.com/track')).toBe('open-externally');
  });
});

describe('isPermissionGranted', () => {
  const ours = { requestingUrl: 'app://packdesk/index.html', isMainFrame: true };

  it('grants the camera to our main frame', () => {
    expect(isPermissionGranted({ permission: 'media', ...ours, mediaTypes: ['video'] })).toBe(true);
    expect(isPermissionGranted({ permission: 'media', requestingUrl: 'app://packdesk', isMainFrame: true, mediaTypes: ['video'] })).toBe(true);
  });

  it('refuses the microphone and unspecified media', () => {
    expect(isPermissionGranted({ permission: 'media', ...ours, mediaTypes: ['audio'] })).toBe(false);
    expect(isPermissionGranted({ permission: 'media', ...ours, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isPermissionGranted({ permission: 'media', ...ours, mediaTypes: [] })).toBe(false);
    expect(isPermissionGranted({ permission: 'media', ...ours })).toBe(false);
  });

  it('refuses the camera to anyone else', () => {
    for (const requestingUrl of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/', null]) {
      expect(isPermissionGranted({ permission: 'media', requestingUrl, isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    }
    expect(isPermissionGranted({ permission: 'media', ...ours, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
  });

  it.each(['geolocation', 'notifications', 'hid', 'serial', 'usb', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'unknown'])(
    'refuses %s even to our page',
    (permission) => expect(isPermissionGranted({ permission, ...ours, mediaTypes: ['video'] })).toBe(false),
  );
});

describe('isAllowedRendererRequest', () => {
  it('lets the page load its own files and in-page data', () => {
    expect(isAllowedRendererRequest('app://packdesk/assets/app.js')).toBe(true);
    expect(isAllowedRendererRequest('blob:app://packdesk/6f1c1e2a-0000-4000-8000-000000000000')).toBe(true);
    expect(isAllowedRendererRequest('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
  });

  it('blocks the network and the file system', () => {
    for (const url of ['https://cdn.example/x.js', 'http://127.0.0.1:8080/api/x', 'wss://evil.example/', 'file:///etc/passwd', 'app://other/x.js']) {
      expect(isAllowedRendererRequest(url), url).toBe(false);
    }
  });
});
