import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, windowOptions } from '../../../main/window';

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('windowOptions', () => {
  const options = windowOptions('/app/dist/main/preload.cjs');
  const prefs = options.webPreferences ?? {};

  it('keeps the renderer isolated and sandboxed, without Node', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews, insecure content and spellcheck off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('loads the given preload and nothing else that reaches Node', () => {
    expect(prefs.preload).toBe('/app/dist/main/preload.cjs');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('waits for ready-to-show and paints a background colour first', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('has dev tools off unless asked for', () => {
    expect(prefs.devTools).toBe(false);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
    expect(windowOptions('/p.cjs', { devTools: true }).webPreferences?.sandbox).toBe(true);
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy();
  const parsed = directives(csp);

  it('never allows eval or inline script', () => {
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('wasm-unsafe-eval');
  });

  it('names no remote source, wildcard or scheme-wide source', () => {
    for (const [name, values] of parsed) {
      for (const value of values) {
        expect([`'self'`, `'none'`, 'data:', 'blob:'], `${name} ${value}`).toContain(value);
      }
    }
    expect(csp).not.toMatch(/https?:|wss?:|\*/);
  });

  it('restricts every fetch directive to our own origin', () => {
    expect(parsed.get('default-src')).toEqual([`'self'`]);
    expect(parsed.get('script-src')).toEqual([`'self'`]);
    expect(parsed.get('connect-src')).toEqual([`'self'`]);
    expect(parsed.get('object-src')).toEqual([`'none'`]);
    expect(parsed.get('frame-ancestors')).toEqual([`'none'`]);
    expect(parsed.get('base-uri')).toEqual([`'none'`]);
  });

  it('lets the packing video use blob: for media and images', () => {
    expect(parsed.get('media-src')).toEqual([`'self'`, 'blob:']);
    expect(parsed.get('img-src')).toEqual([`'self'`, 'data:', 'blob:']);
  });
});
