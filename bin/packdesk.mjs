#!/usr/bin/env node
// The `packdesk` command: runs the bundled core from dist/ (npm run build makes it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/packdesk.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('packdesk: not built yet; run `npm run build` (or `npm start`) first.\n');
  process.exit(1);
}
await import(bundle);
