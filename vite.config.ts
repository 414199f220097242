import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The browser host (src/host) listens here by default during development.
const HOST = 'http://127.0.0.1:5180';

// Only our own files, no inline script or style: the built page carries its own policy. The dev
// server needs inline scripts for hot reload, so the policy is added to the build only.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'packdesk-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': HOST,
      '/events': HOST,
    },
  },
});
