import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints a snippet as if it were the file at `file`, returning only the layering messages. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'packdesk/layers').map((m) => m.message);
}

describe('the layering rule of ARCHITECTURE.md', () => {
  it.each([
    ['src/domain/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;", /better-sqlite3 belongs to storage/],
    ['src/domain/x.ts', "import fs from 'node:fs';\nexport const f = fs;", /domain may not import the Node built-in node:fs/],
    ['src/domain/x.ts', "import { METHODS } from '../contract/methods';\nexport const m = METHODS;", /domain may not import from contract/],
    ['renderer/x.ts', "import fs from 'node:fs';\nexport const f = fs;", /renderer may not import the Node built-in node:fs/],
    ['renderer/x.ts', "import { createStation } from '../src/app/station';\nexport const c = createStation;", /renderer may not import from app/],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;", /electron belongs to main/],
    ['src/storage/x.ts', "import { createStation } from '../app/station';\nexport const c = createStation;", /storage may not import from app/],
    ['src/storage/x.ts', "import { startHost } from '../host/server';\nexport const s = startHost;", /storage may not import from host/],
    ['src/sync/x.ts', "import { openDatabase } from '../storage/db';\nexport const o = openDatabase;", /sync may not import from storage/],
    ['src/app/x.ts', "import { openDatabase } from '../storage/db';\nexport const o = openDatabase;", /app may not import from storage/],
    [
      'src/carriers/x.ts',
      "import { BaselinkerClient } from '../sync/baselinker/client';\nexport const c = BaselinkerClient;",
      /carriers may not import from sync/,
    ],
    [
      'src/carriers/x.ts',
      "import { renderManifest } from '../documents/manifest/manifest-pdf';\nexport const r = renderManifest;",
      /carriers may not import from documents/,
    ],
    ['src/app/x.ts', "import HID from 'node-hid';\nexport const h = HID;", /node-hid belongs to devices/],
    ['src/host/x.ts', "import { x } from '../../main/window';\nexport const y = x;", /host may not import from main/],
    ['src/contract/x.ts', "import { thing } from '../app/station';\nexport const t = thing;", /contract may not import from app/],
    ['src/platform/x.ts', "import { thing } from '../domain/user';\nexport const t = thing;", /platform may not import from domain/],
    ['src/app/x.ts', "import { readOwnerOnly } from '../platform/owner-only-file';\nexport const r = readOwnerOnly;", /app may not import from platform/],
    ['src/domain/x.ts', "import { readOwnerOnly } from '../platform/owner-only-file';\nexport const r = readOwnerOnly;", /domain may not import from platform/],
    ['src/central/x.ts', "import pg from 'pg';\nexport const p = pg;", /pg belongs to central-store/],
    ['src/sync/x.ts', "import { openCentralStore } from '../central-store';\nexport const o = openCentralStore;", /sync may not import from central-store/],
    ['src/host/x.ts', "import { startCentral } from '../central/central';\nexport const s = startCentral;", /host may not import from central/],
  ])('rejects %s importing what it must not', async (file, code, why) => {
    const errors = await layerErrors(file, code);
    expect(errors.join('\n')).toMatch(why);
  });

  it.each([
    ['src/contract/x.ts', "import { z } from 'zod';\nimport type { Role } from '../domain/user';\nexport const s = z.string();\nexport type R = Role;"],
    [
      'src/app/x.ts',
      "import type { Store } from './ports';\nimport { METHODS } from '../contract/methods';\nexport type S = Store;\nexport const m = METHODS;",
    ],
    [
      'src/storage/x.ts',
      "import Database from 'better-sqlite3';\nimport type { Store } from '../app/ports';\nexport const d = Database;\nexport type S = Store;",
    ],
    [
      'renderer/x.ts',
      "import { METHODS } from '../src/contract/methods';\nimport { create } from 'zustand';\nexport const m = METHODS;\nexport const c = create;",
    ],
    [
      'src/carriers/x.ts',
      "import type { Carrier } from '../app/ports/carriers';\nimport { XMLParser } from 'fast-xml-parser';\nexport type C = Carrier;\nexport const p = XMLParser;",
    ],
    ['src/host/x.ts', "import { createStation } from '../app/station';\nimport fs from 'node:fs';\nexport const c = createStation;\nexport const f = fs;"],
    ['src/storage/x.ts', "import { readOwnerOnly } from '../platform/owner-only-file';\nexport const r = readOwnerOnly;"],
    [
      'src/central-store/x.ts',
      "import pg from 'pg';\nimport type { CentralStations } from '../app/ports/central';\nexport const p = pg;\nexport type C = CentralStations;",
    ],
    ['src/central/x.ts', "import { openCentralStore } from '../central-store';\nexport const o = openCentralStore;"],
  ])('allows %s its own imports', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
