#!/usr/bin/env node
// Generates src/domain/barcode/gs1-ai-table.ts from the GS1 Barcode Syntax Dictionary, so the
// parser's AI table is GS1's own data and never hand-typed.
//
//   node scripts/gen-gs1-table.mjs            write the table
//   node scripts/gen-gs1-table.mjs --check    exit 1 when the committed table is stale
//   node scripts/gen-gs1-table.mjs --dictionary <file>   read another copy of the dictionary
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Vendored in the repository (data/gs1/README.md says which version), so a clone builds on its own.
export const DICTIONARY_PATH = path.join(REPO_ROOT, 'data/gs1/gs1-syntax-dictionary.txt');
export const TABLE_PATH = path.join(REPO_ROOT, 'src/domain/barcode/gs1-ai-table.ts');

// The dictionary's flag characters. "*" (predefined length, no GS needed) and "?" (allowed as a
// GS1 Digital Link data attribute, i.e. a query parameter) matter to us.
const FLAGS = /^[*!?"$%&'()+,\-./:;<=>@[\\\]^_`{|}~]+$/;
const COMPONENT = /^(\[)?([NXYZ])(\d+|\.\.\d+)(\])?((?:,[a-z0-9]+)*)$/;

/** Expands "3100-3105" into each AI of the range, keeping the width ("91-99" → "91"…"99"). */
function expandRange(token, lineNo) {
  const m = /^(\d{2,4})(?:-(\d{2,4}))?$/.exec(token);
  if (!m) throw new Error(`line ${lineNo}: "${token}" is not an AI or AI range`);
  const first = m[1];
  const last = m[2] ?? first;
  if (last.length !== first.length || Number(last) < Number(first)) {
    throw new Error(`line ${lineNo}: bad AI range "${token}"`);
  }
  const ais = [];
  for (let n = Number(first); n <= Number(last); n++) ais.push(String(n).padStart(first.length, '0'));
  return ais;
}

function parseComponent(token, lineNo) {
  const m = COMPONENT.exec(token);
  if (!m) return null;
  const [, open, charset, length, close, linters] = m;
  if (Boolean(open) !== Boolean(close)) throw new Error(`line ${lineNo}: unbalanced brackets in "${token}"`);
  const variable = length.startsWith('..');
  const max = Number(variable ? length.slice(2) : length);
  return {
    charset,
    min: variable ? 1 : max,
    max,
    optional: Boolean(open),
    linters: linters ? linters.slice(1).split(',') : [],
  };
}

/** Parses the dictionary text into one entry per AI, ranges expanded, in dictionary order. */
export function parseSyntaxDictionary(text) {
  const entries = [];
  const seen = new Set();
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const lineNo = index + 1;
    const hash = rawLine.indexOf('#');
    const body = (hash >= 0 ? rawLine.slice(0, hash) : rawLine).trim();
    if (body === '') return;
    const title = hash >= 0 ? rawLine.slice(hash + 1).trim() : '';
    const tokens = body.split(/\s+/);
    const ais = expandRange(tokens.shift(), lineNo);
    let flags = '';
    if (tokens.length > 0 && FLAGS.test(tokens[0])) flags = tokens.shift();
    const components = [];
    while (tokens.length > 0) {
      const component = parseComponent(tokens[0], lineNo);
      if (!component) break;
      components.push(component);
      tokens.shift();
    }
    if (components.length === 0) throw new Error(`line ${lineNo}: AI ${ais[0]} has no data components`);
    const dlPrimaryKey = parseDlPrimaryKey(tokens, lineNo);
    components.forEach((c, i) => {
      if (c.min !== c.max && i !== components.length - 1) {
        throw new Error(`line ${lineNo}: only the last component may have a variable length`);
      }
    });
    for (const ai of ais) {
      if (seen.has(ai)) throw new Error(`line ${lineNo}: AI ${ai} is defined twice`);
      seen.add(ai);
      entries.push({ ai, predefinedLength: flags.includes('*'), components, title, dlAttribute: flags.includes('?'), dlPrimaryKey });
    }
  });
  assertPrefixFree(entries);
  assertQualifiersKnown(entries);
  return entries;
}

/**
 * The "dlpkey" attribute: the AI is a GS1 Digital Link primary key, and "dlpkey=22,10,21|235"
 * lists the qualifier sequences that may follow it in the path, in order. Null when absent.
 */
function parseDlPrimaryKey(attributes, lineNo) {
  const tokens = attributes.filter((t) => t === 'dlpkey' || t.startsWith('dlpkey='));
  if (tokens.length > 1) throw new Error(`line ${lineNo}: dlpkey is given twice`);
  if (tokens.length === 0) return null;
  if (tokens[0] === 'dlpkey') return [[]];
  return tokens[0]
    .slice('dlpkey='.length)
    .split('|')
    .map((sequence) => {
      const qualifiers = sequence.split(',');
      if (qualifiers.some((q) => !/^\d{2,4}$/.test(q))) throw new Error(`line ${lineNo}: bad dlpkey "${tokens[0]}"`);
      return qualifiers;
    });
}

// A qualifier the parser cannot look up would make every Digital Link using it unreadable.
function assertQualifiersKnown(entries) {
  const known = new Set(entries.map((e) => e.ai));
  for (const e of entries) {
    for (const q of (e.dlPrimaryKey ?? []).flat()) {
      if (!known.has(q)) throw new Error(`AI ${e.ai} names Digital Link qualifier ${q}, which is not an AI`);
    }
  }
}

// Raw element strings carry no AI delimiters: the parser relies on no AI being a prefix of another.
function assertPrefixFree(entries) {
  const ais = entries.map((e) => e.ai);
  for (const a of ais) {
    for (const b of ais) {
      if (a !== b && b.startsWith(a)) throw new Error(`AI ${a} is a prefix of AI ${b}`);
    }
  }
}

const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function renderComponent(c) {
  const linters = `[${c.linters.map(q).join(', ')}]`;
  return `{ charset: ${q(c.charset)}, min: ${c.min}, max: ${c.max}, optional: ${c.optional}, linters: ${linters} }`;
}

/** Renders the TypeScript module, byte for byte what is committed. */
export function renderAiTable(entries) {
  const lines = [
    '// GENERATED FILE: do not edit by hand.',
    '// Made by scripts/gen-gs1-table.mjs from the GS1 Barcode Syntax Dictionary',
    '// (data/gs1/gs1-syntax-dictionary.txt, Apache-2.0, GS1 AISBL).',
    '// Regenerate with: node scripts/gen-gs1-table.mjs',
    "import type { AiDefinition } from './gs1-ai';",
    '',
    'export const GS1_AI_TABLE: Readonly<Record<string, AiDefinition>> = {',
  ];
  for (const e of entries) {
    const components = e.components.map(renderComponent).join(', ');
    lines.push(`  ${q(e.ai)}: { predefinedLength: ${e.predefinedLength}, title: ${q(e.title)}, components: [${components}] },`);
  }
  lines.push(
    '};',
    '',
    '/** GS1 Digital Link primary keys ("dlpkey"): the qualifier sequences each takes in the URI path, in order. */',
    'export const GS1_DL_PRIMARY_KEYS: Readonly<Record<string, readonly (readonly string[])[]>> = {',
  );
  for (const e of entries) {
    if (!e.dlPrimaryKey) continue;
    const sequences = e.dlPrimaryKey.map((qualifiers) => `[${qualifiers.map(q).join(', ')}]`).join(', ');
    lines.push(`  ${q(e.ai)}: [${sequences}],`);
  }
  lines.push(
    '};',
    '',
    '/** AIs a GS1 Digital Link URI may carry as data attributes (query parameters): flag "?". */',
    'export const GS1_DL_ATTRIBUTES: ReadonlySet<string> = new Set([',
  );
  const attributes = entries.filter((e) => e.dlAttribute).map((e) => q(e.ai));
  for (let i = 0; i < attributes.length; i += 12) lines.push(`  ${attributes.slice(i, i + 12).join(', ')},`);
  lines.push(']);', '');
  return lines.join('\n');
}

export function generateAiTableSource(dictionaryText) {
  return renderAiTable(parseSyntaxDictionary(dictionaryText));
}

function main(argv) {
  const i = argv.indexOf('--dictionary');
  const dictionary = i >= 0 ? path.resolve(argv[i + 1] ?? '') : DICTIONARY_PATH;
  const source = generateAiTableSource(readFileSync(dictionary, 'utf8'));
  if (argv.includes('--check')) {
    const committed = readFileSync(TABLE_PATH, 'utf8');
    if (committed !== source) {
      console.error(`${path.relative(REPO_ROOT, TABLE_PATH)} is stale: run node scripts/gen-gs1-table.mjs`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(TABLE_PATH, source);
  console.log(`wrote ${path.relative(REPO_ROOT, TABLE_PATH)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
