import { z } from 'zod';
import { ERROR_CODES } from './errors';
import { EVENT_NAMES } from './events';
import { METHODS } from './methods';

type Json = Record<string, unknown>;

/** A JSON Schema as a compact TypeScript-like type, readable in a table of methods. */
function typeOf(schema: Json, indent = ''): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map((s) => typeOf(s, indent)).join(' | ');
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as Json[]).map((s) => typeOf(s, indent)).join(' | ');
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Json>;
      const required = new Set((schema.required ?? []) as string[]);
      const keys = Object.keys(properties);
      if (keys.length === 0) return '{}';
      const inner = `${indent}  `;
      const fields = keys.map((key) => `${inner}${key}${required.has(key) ? '' : '?'}: ${typeOf(properties[key]!, inner)};`);
      return `{\n${fields.join('\n')}\n${indent}}`;
    }
    case 'array':
      return `Array<${typeOf((schema.items ?? {}) as Json, indent)}>`;
    case 'integer':
      return 'integer';
    case 'null':
      return 'null';
    case 'string':
    case 'number':
    case 'boolean':
      return schema.type;
    default:
      return 'unknown';
  }
}

function describe(schema: z.ZodType, io: 'input' | 'output'): string {
  return typeOf(z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json);
}

/** docs/api.md, written from the contract itself so the document cannot drift from the code. */
export function apiDocument(): string {
  const parts = [
    '# Packdesk station API',
    '',
    'Generated from `src/contract` (regenerate: `UPDATE_API_DOC=1 npx vitest run test/unit/contract`).',
    'Every method is called the same way in both hosts: Electron `window.packdesk.invoke(method, input)`,',
    'browser mode `POST /api/<method>` with the input as JSON. The answer is `{ "ok": true, "value": … }`',
    'or `{ "ok": false, "error": { "code", "message", "params"? } }`. Events: Electron',
    '`window.packdesk.subscribe(name, cb)`, browser mode Server-Sent Events at `GET /events`.',
    'A page in browser mode also sends calls over one WebSocket at `/calls?station=<id>`: a message',
    '`{ "id", "method", "input" }` is answered with `{ "id", "result", "core" }` (the same result; `core`',
    'is the dispatch time in ms) or `{ "id", "http": true }` for a login, which only HTTP can make. A call',
    'resent over HTTP with `x-packdesk-call: <id>` is done at most once (docs/security.md).',
    '',
    `Error codes: ${ERROR_CODES.map((c) => `\`${c}\``).join(', ')}.`,
    '',
    `Events: ${EVENT_NAMES.map((e) => `\`${e}\``).join(', ')}.`,
    '',
  ];
  for (const [name, spec] of Object.entries(METHODS)) {
    const access = spec.access === 'public' ? 'anyone at the station' : `logged in as ${spec.access.join(', ')}`;
    parts.push(
      `## \`${name}\``,
      '',
      `Who: ${access}.`,
      '',
      '```ts',
      `input: ${describe(spec.input, 'input')}`,
      `output: ${describe(spec.output, 'output')}`,
      '```',
      '',
    );
  }
  return parts.join('\n');
}
