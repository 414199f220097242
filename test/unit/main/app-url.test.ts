import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, rendererFileFor } from '../../../main/app-url';
import { contentTypeFor, rendererHeaders } from '../../../main/renderer-headers';
import { contentSecurityPolicy } from '../../../main/window';

const root = path.resolve('/srv/packdesk/dist/renderer');
const index = path.join(root, 'index.html');

describe('rendererFileFor', () => {
  it('serves index.html for the origin itself and the entry URL', () => {
    for (const url of ['app://packdesk', 'app://packdesk/', APP_ENTRY_URL, 'app://packdesk/?lang=pl', 'app://packdesk/#/queue']) {
      const file = rendererFileFor(url, root);
      expect(file.ok && file.filePath, url).toBe(index);
    }
  });

  it('maps asset paths under the renderer root without a fallback', () => {
    expect(rendererFileFor('app://packdesk/assets/index-3f2a.js?v=1', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'index-3f2a.js'),
      fallbackPath: null,
    });
  });

  it('decodes ordinary percent-encoding in file names', () => {
    const file = rendererFileFor('app://packdesk/fonts/Noto%20Sans.woff2', root);
    expect(file.ok && file.filePath).toBe(path.join(root, 'fonts', 'Noto Sans.woff2'));
  });

  it('falls back to index.html only for navigation-like paths without an extension', () => {
    const route = rendererFileFor('app://packdesk/queue/ORD-1001', root);
    expect(route).toEqual({ ok: true, filePath: path.join(root, 'queue', 'ORD-1001'), fallbackPath: index });
    const asset = rendererFileFor('app://packdesk/assets/missing.css', root);
    expect(asset.ok && asset.fallbackPath).toBeNull();
  });

  it.each([
    'app://packdesk/../secret.txt',
    'app://packdesk/assets/../../secret.txt',
    'app://packdesk/..',
    'app://packdesk/./index.html',
    'app://packdesk/%2e%2e/secret.txt',
    'app://packdesk/%2E%2E/secret.txt',
    'app://packdesk/.%2e/secret.txt',
    'app://packdesk/%2e./secret.txt',
    'app://packdesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://packdesk/%252e%252e/secret.txt',
    'app://packdesk/..%2fsecret.txt',
    'app://packdesk/..%5csecret.txt',
    'app://packdesk/..\\secret.txt',
    'app://packdesk/assets\\..\\..\\secret.txt',
    'app://packdesk//etc/passwd',
    'app://packdesk/%2fetc/passwd',
    'app://packdesk/C:/Windows/win.ini',
    'app://packdesk/c%3a%5cWindows%5cwin.ini',
    'app://packdesk/index.html%00.png',
    'app://packdesk/index.html\u0000.png',
    'app://packdesk/a%0a.js',
    'app://packdesk/assets//x.js',
  ])('refuses traversal and smuggled paths: %s', (url) => {
    const file = rendererFileFor(url, root);
    expect(file.ok).toBe(false);
  });

  it('refuses malformed percent-encoding', () => {
    expect(rendererFileFor('app://packdesk/%E0%A4%A.js', root)).toMatchObject({ ok: false, status: 400 });
  });

  it('does not serve hidden files such as the Vite manifest folder', () => {
    expect(rendererFileFor('app://packdesk/.vite/manifest.json', root)).toMatchObject({ ok: false, status: 404 });
  });

  it.each([
    'app://other/index.html',
    'app://packdesk.evil.example/index.html',
    'app://packdesk:8080/index.html',
    'app://user:pw@packdesk/index.html',
    'file:///srv/packdesk/dist/renderer/index.html',
    'http://packdesk/index.html',
    'https://packdesk/index.html',
    'not a url',
    '',
  ])('refuses other hosts and schemes: %s', (url) => {
    expect(rendererFileFor(url, root)).toMatchObject({ ok: false, status: 403 });
  });

  it('never returns a path outside the root, whatever the input', () => {
    const pieces = ['..', '.', '%2e', '%2E', '%2f', '%5c', '/', '\\', 'a', 'b.js', '%00', '%25', ':'];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const file = rendererFileFor(`app://packdesk/${a}${b}/${c}`, root);
          if (!file.ok) continue;
          const relative = path.relative(root, file.filePath);
          expect(relative.startsWith('..') || path.isAbsolute(relative), `${a}${b}/${c}`).toBe(false);
        }
      }
    }
  });
});

describe('isAppUrl', () => {
  it('accepts only app://packdesk', () => {
    expect(isAppUrl('app://packdesk/index.html')).toBe(true);
    expect(isAppUrl('app://packdesk')).toBe(true);
    expect(isAppUrl('app://packdesk2/')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl(42)).toBe(false);
  });
});

describe('renderer headers', () => {
  it('gives each file type its MIME type', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/app.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/r/fonts/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/r/sounds/ok.wav')).toBe('audio/wav');
    expect(contentTypeFor('/r/icon.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/r/blob.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/queue')).toBe('application/octet-stream');
  });

  it('sends the CSP and nosniff with every file', () => {
    const headers = rendererHeaders('/r/assets/app.js');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
