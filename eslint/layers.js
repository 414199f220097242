// Enforces the import directions of the architecture ("Which way imports go", docs/architecture.md).
// A rule in code, not in a document: every import is resolved to the layer it lands in.
import path from 'node:path';
import { builtinModules } from 'node:module';

const ADAPTERS = ['storage', 'journal', 'devices', 'documents', 'printing', 'sync', 'carriers', 'video', 'central-store', 'central-link'];

/** Node-only helpers shared by the layers that do I/O (owner-only key files); they import nothing of ours. */
const PLATFORM = 'platform';

/** Layer of a repository-relative path, or null when it is outside the layered code. */
export function layerOf(relPath) {
  const p = relPath.split(path.sep).join('/');
  if (p.startsWith('renderer/')) return 'renderer';
  if (p.startsWith('main/')) return 'main';
  if (p === 'src/app/ports' || p.startsWith('src/app/ports/')) return 'ports';
  const m = /^src\/([^/.]+)(?:\/|\.ts$|$)/.exec(p);
  if (m) return m[1];
  return null;
}

/** Which of our layers each layer may import. Adapters may also import their own folder. */
const ALLOWED_LAYERS = {
  domain: ['domain'],
  contract: ['contract', 'domain'],
  ports: ['ports', 'contract', 'domain'],
  app: ['app', 'ports', 'contract', 'domain'],
  // boot/ wires adapters into createStation once, for the three composition roots below.
  boot: ['boot', 'evidence', 'app', 'ports', 'contract', 'domain', PLATFORM, ...ADAPTERS],
  // evidence/ builds and checks evidence packages from several adapters' output (journal, documents, video).
  evidence: ['evidence', 'ports', 'contract', 'domain', PLATFORM, ...ADAPTERS],
  host: ['host', 'boot', 'evidence', 'app', 'ports', 'contract', 'domain', PLATFORM, ...ADAPTERS],
  // central/ is the warehouse service's composition root (`packdesk central`), like host/ for a station.
  central: ['central', 'boot', 'app', 'ports', 'contract', 'domain', PLATFORM, ...ADAPTERS],
  cli: ['cli', 'boot', 'host', 'central', 'evidence', 'app', 'ports', 'contract', 'domain', PLATFORM, ...ADAPTERS],
  main: ['main', 'boot', 'app', 'ports', 'contract', 'domain', PLATFORM, ...ADAPTERS],
  renderer: ['renderer', 'contract', 'domain'],
  [PLATFORM]: [PLATFORM],
};
for (const a of ADAPTERS) ALLOWED_LAYERS[a] = [a, 'ports', 'contract', 'domain', PLATFORM];

const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Packages that only one layer may touch; everything else is governed by PURE_LAYERS. */
const PACKAGE_OWNERS = {
  electron: ['main'],
  'better-sqlite3': ['storage'],
  'node-hid': ['devices'],
  pg: ['central-store'],
};

/** The only packages these layers may use: the pure ones none with I/O, platform Node's file and crypto modules alone. */
const PURE_LAYERS = {
  [PLATFORM]: ['node:crypto', 'node:fs', 'node:path'],
  domain: [],
  contract: ['zod'],
  ports: [],
  app: ['node:crypto', 'zod'],
  renderer: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', 'zustand', 'i18next', 'react-i18next', 'zod', 'uplot'],
};

function packageName(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function check(fromLayer, fromFile, spec, root) {
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.relative(root, path.resolve(path.dirname(fromFile), spec));
    const toLayer = layerOf(target);
    if (toLayer === null) return `${fromLayer} may not import ${target} (outside the layered code)`;
    if (!ALLOWED_LAYERS[fromLayer].includes(toLayer)) {
      return `${fromLayer} may not import from ${toLayer} (${spec})`;
    }
    return null;
  }
  const name = packageName(spec);
  for (const [pkg, owners] of Object.entries(PACKAGE_OWNERS)) {
    if (name === pkg && !owners.includes(fromLayer)) return `${name} belongs to ${owners.join(', ')}, not ${fromLayer}`;
  }
  const pure = PURE_LAYERS[fromLayer];
  if (pure && !pure.includes(spec) && !pure.includes(name)) {
    const what = NODE_BUILTINS.has(spec) ? 'Node built-in' : 'package';
    return `${fromLayer} may not import the ${what} ${spec}`;
  }
  return null;
}

export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports flowing the way ARCHITECTURE.md says.' },
    schema: [],
    messages: { forbidden: 'Layering: {{why}}.' },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const fromLayer = layerOf(path.relative(root, file));
    if (fromLayer === null || !ALLOWED_LAYERS[fromLayer]) return {};
    const report = (node, spec) => {
      const why = check(fromLayer, file, spec, root);
      if (why) context.report({ node, messageId: 'forbidden', data: { why } });
    };
    const fromSource = (node) => {
      if (node.source && typeof node.source.value === 'string') report(node.source, node.source.value);
    };
    return {
      ImportDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') report(node.source, node.source.value);
      },
    };
  },
};

export default { rules: { layers: layersRule } };
