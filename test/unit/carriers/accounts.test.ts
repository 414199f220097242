import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../src/boot/data-dir';
import { registerCarriers } from '../../../src/cli/commands/carriers';
import { openDatabase } from '../../../src/storage/db';
import { migrate } from '../../../src/storage/migrate';
import { secretEndpoint } from '../../../src/app/sync/endpoint';
import type { BackendSettings } from '../../../src/contract/sync';
import { createCarrierAccounts } from '../../../src/storage/repositories/carrier-accounts';
import { createLabelSettingsRepository } from '../../../src/storage/repositories/label-settings';
import { createSyncStorage } from '../../../src/storage/repositories/sync-storage';
import { keyFileSecrets } from '../../../src/sync';
import { BL_TOKEN, startFakeBaselinkerCouriers } from '../../fixtures/carriers/baselinker-couriers-fake';
import { SENDER } from '../../fixtures/carriers/requests';
import { INPOST_ORG, INPOST_TOKEN, startFakeInpost, type FakeInpost } from '../../fixtures/carriers/inpost-fake';

const dirs: string[] = [];
let fake: FakeInpost | null = null;
afterEach(async () => {
  vi.restoreAllMocks();
  await fake?.close();
  fake = null;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-carriers-'));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  migrate(db);
  db.close();
  return dir;
}

describe('carrier accounts', () => {
  it('keep settings checked by the schema, and a sealed secret only for the address it was given for', () => {
    const db = openDatabase(path.join(dataFolder(), DATABASE_FILE));
    const accounts = createCarrierAccounts(db);
    accounts.save(
      {
        kind: 'inpost',
        enabled: true,
        url: 'https://api-shipx-pl.easypack24.net',
        organizationId: '4321',
        sendingMethod: 'dispatch_order',
        labelFormat: 'zpl',
      },
      'now',
    );
    accounts.saveSealedSecret('inpost', new Uint8Array([1, 2, 3]), 'https://api-shipx-pl.easypack24.net');
    expect(accounts.sealedSecret('inpost')).toEqual(new Uint8Array([1, 2, 3]));
    expect(accounts.list().map((a) => a.kind)).toEqual(['inpost']);

    // Pointed at another address, the old token is not handed to it.
    accounts.save(
      { kind: 'inpost', enabled: true, url: 'https://elsewhere.example', organizationId: '4321', sendingMethod: 'dispatch_order', labelFormat: 'zpl' },
      'later',
    );
    expect(accounts.sealedSecret('inpost')).toBeNull();
    expect(() => accounts.saveSealedSecret('dpd', new Uint8Array([1]), null)).toThrow('There is no dpd account to keep a secret for.');
    const row = db.prepare('SELECT sealed_secret FROM carrier_accounts').get() as { sealed_secret: Buffer };
    expect(Buffer.from(row.sealed_secret)).toEqual(Buffer.from([1, 2, 3]));
    accounts.remove('inpost');
    expect(accounts.get('inpost')).toBeNull();
    db.close();
  });
});

describe('packdesk carriers', () => {
  async function run(args: string[], stdin: string | null = null): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
    if (stdin !== null)
      vi.spyOn(process, 'stdin', 'get').mockReturnValue(
        (async function* () {
          yield Buffer.from(stdin);
        })() as never,
      );
    const program = new Command('packdesk').exitOverride();
    registerCarriers(program);
    try {
      await program.parseAsync(args, { from: 'user' });
      return { code: 0, out, err };
    } catch (error) {
      if (error instanceof CommanderError) return { code: error.exitCode, out, err };
      throw error;
    } finally {
      vi.restoreAllMocks();
    }
  }

  it('saves an InPost account with its token from standard input, tests it, and says why a wrong token fails', async () => {
    fake = await startFakeInpost();
    const dir = dataFolder();
    const settings = JSON.stringify({ url: fake.url, organizationId: INPOST_ORG });
    const saved = await run(['carriers', 'set', '--carrier', 'inpost', '--settings', settings, '--secret-stdin', '--data', dir], `${INPOST_TOKEN}\n`);
    expect(saved).toMatchObject({ code: 0, out: 'inpost: saved, with its secret sealed\n' });
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    const row = db.prepare('SELECT settings, sealed_secret FROM carrier_accounts').get() as { settings: string; sealed_secret: Buffer };
    db.close();
    expect(row.sealed_secret.includes(Buffer.from(INPOST_TOKEN))).toBe(false);

    const tested = await run(['carriers', 'test', '--carrier', 'inpost', '--data', dir]);
    expect(tested.code).toBe(0);
    expect(tested.out).toMatch(/^inpost: ok, InPost: Sklep Testowy sp\. z o\.o\. \(\d+ ms\)\n$/);

    await run(['carriers', 'set', '--carrier', 'inpost', '--settings', settings, '--secret-stdin', '--data', dir], 'wrong-token');
    const refused = await run(['carriers', 'test', '--carrier', 'inpost', '--data', dir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe(
      'packdesk: inpost: InPost refused the API token (token_invalid). Generate a new one in Parcel Manager → My account → API and enter it in Settings → Carriers. [carrier.auth]\n',
    );
  });

  it('refuses settings that do not read as an account, naming the field', async () => {
    const dir = dataFolder();
    await expect(run(['carriers', 'set', '--carrier', 'dpd', '--settings', '{"login":"x"}', '--data', dir])).rejects.toThrow(
      'the dpd settings are not valid: masterFid',
    );
  });

  it('tests BaseLinker couriers with the shop’s own token, and only for the address the token was given for', async () => {
    const bl = await startFakeBaselinkerCouriers();
    try {
      const dir = dataFolder();
      const db = openDatabase(path.join(dir, DATABASE_FILE));
      const sync = createSyncStorage(db).settings;
      const shop: BackendSettings = {
        kind: 'baselinker',
        vendure: null,
        file: null,
        everySeconds: 60,
        baselinker: {
          url: bl.url,
          statusMap: { ready: [], onHold: [], cancelled: [], shipped: null },
          courierCode: null,
          requestsPerMinute: 100,
          allowInsecureHttp: false,
        },
      };
      sync.saveSettings(shop);
      sync.saveSealedSecret(keyFileSecrets(dir).sealer.seal(new TextEncoder().encode(BL_TOKEN)), secretEndpoint(shop));
      db.close();
      await run(['carriers', 'set', '--carrier', 'baselinker', '--settings', '{"courierCode":"dpd"}', '--data', dir]);
      expect((await run(['carriers', 'test', '--carrier', 'baselinker', '--data', dir])).out).toMatch(/^baselinker: ok, BaseLinker: DPD \(\d+ ms\)\n$/);

      // The shop moved to another address: its old token is not sent there.
      const again = openDatabase(path.join(dir, DATABASE_FILE));
      createSyncStorage(again).settings.saveSettings({ ...shop, baselinker: { ...shop.baselinker!, url: `${bl.url}?moved` } });
      again.close();
      const refused = await run(['carriers', 'test', '--carrier', 'baselinker', '--data', dir]);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('BaseLinker couriers need the shop to be BaseLinker, with its token (Settings → Shop sync). [carrier.not_set_up]');
    } finally {
      await bl.close();
    }
  });

  it('tests our own label once the station has its GS1 prefix', async () => {
    const dir = dataFolder();
    await run(['carriers', 'set', '--carrier', 'own', '--settings', '{"name":"Nasz transport"}', '--data', dir]);
    expect((await run(['carriers', 'test', '--carrier', 'own', '--data', dir])).err).toContain(
      'Our own labels need the GS1 company prefix first (Settings → Labels).',
    );
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    createLabelSettingsRepository(db).set({ shopName: 'Sklep', shipFrom: SENDER, gs1CompanyPrefix: '5901234', ssccExtensionDigit: 0, returnPolicy: '' });
    db.close();
    expect((await run(['carriers', 'test', '--carrier', 'own', '--data', dir])).out).toMatch(
      /^own: ok, Nasz transport: Sklep, GS1 prefix 5901234 \(\d+ ms\)\n$/,
    );
  });
});
