import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The station window. Security settings are spelled out even where they equal Electron's
 * defaults, so a future default change or a careless edit shows up in review and in the tests.
 */
export function windowOptions(preloadPath: string, options: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    title: 'Packdesk',
    // Fits a 1366×768 station monitor, the smallest common in warehouses, with room for the taskbar.
    width: 1280,
    height: 720,
    minWidth: 1024,
    minHeight: 600,
    backgroundColor: '#f4f5f7',
    // Shown on ready-to-show so the packer never sees a white flash or a half-drawn page.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools ?? false,
    },
  };
}

/**
 * Content-Security-Policy for every page served from app://packdesk. Only our own files;
 * blob: and data: for images and media because the packing video is recorded and previewed
 * in the page. No inline or eval'd script, no frames, no remote connections.
 */
export function contentSecurityPolicy(): string {
  const directives: Record<string, string> = {
    'default-src': "'self'",
    'script-src': "'self'",
    'style-src': "'self'",
    'img-src': "'self' data: blob:",
    'media-src': "'self' blob:",
    'font-src': "'self'",
    'connect-src': "'self'",
    'worker-src': "'self'",
    'object-src': "'none'",
    'frame-src': "'none'",
    'frame-ancestors': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
