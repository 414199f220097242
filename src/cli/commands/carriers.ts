import fs from 'node:fs';
import path from 'node:path';
import { CommanderError, type Command } from 'commander';
import { CarrierFailure } from '../../app/ports/carriers';
import { secretEndpoint } from '../../app/sync/endpoint';
import { DATABASE_FILE } from '../../boot/data-dir';
import { createCarrier, memoryShipmentBook, type CarrierDeps } from '../../carriers';
import { CARRIER_ACCOUNT_KINDS, carrierAccountSchema, carrierEndpoint, carrierNeedsSecret, type CarrierAccountKind } from '../../contract/carriers';
import { createDocumentRenderer } from '../../documents/renderer';
import { loadOrCreateBadgeKey, registerBadgeDigest } from '../../storage/badge-key';
import { openDatabase, type Database } from '../../storage/db';
import { migrate } from '../../storage/migrate';
import { createCarrierAccounts } from '../../storage/repositories/carrier-accounts';
import { createLabelSettingsRepository } from '../../storage/repositories/label-settings';
import { createSyncStorage } from '../../storage/repositories/sync-storage';
import { BaselinkerClient } from '../../sync/baselinker/client';
import { keyFileSecrets } from '../../sync';
import { dataDirFrom, UsageError } from '../options';

function kindOf(value: string): CarrierAccountKind {
  if (!(CARRIER_ACCOUNT_KINDS as readonly string[]).includes(value)) {
    throw new UsageError(`--carrier must be one of ${CARRIER_ACCOUNT_KINDS.join(', ')}, not "${value}"`);
  }
  return value as CarrierAccountKind;
}

function openData(dir: string | undefined): { db: Database; dataDir: string } {
  const dataDir = dataDirFrom(dir);
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`there is no Packdesk database in ${dataDir} (looked for ${DATABASE_FILE})`);
  const db = openDatabase(file, { backupDir: path.join(dataDir, 'backups') });
  registerBadgeDigest(db, loadOrCreateBadgeKey(dataDir));
  migrate(db);
  return { db, dataDir };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** What BaseLinker couriers and our own label need: the shop's client and token, the renderer and the label settings. */
function depsFor(db: Database, open: (sealed: Uint8Array) => string): CarrierDeps {
  const sync = createSyncStorage(db).settings;
  const shop = sync.settings();
  // The shop's token only for the address it was given for, as the sync itself checks.
  const sealed = sync.secretEndpoint() === secretEndpoint(shop) ? sync.sealedSecret() : null;
  const labels = createLabelSettingsRepository(db);
  return {
    baselinkerCall:
      shop.kind === 'baselinker' && shop.baselinker && sealed
        ? (() => {
            const client = new BaselinkerClient({ url: shop.baselinker.url, token: open(sealed), requestsPerMinute: shop.baselinker.requestsPerMinute });
            return (method, parameters) => client.call(method, parameters);
          })()
        : null,
    own: {
      renderer: createDocumentRenderer(),
      labelSettings: () => labels.get(),
      allocateSsccSerial: () => labels.allocateSsccSerial(),
      book: memoryShipmentBook(),
    },
  };
}

export function registerCarriers(program: Command): void {
  const carriers = program.command('carriers').description('Carrier accounts: set them up and check that the carrier answers.');

  carriers
    .command('set')
    .description(
      'Save a carrier account from JSON settings; the token or password is read from standard input with --secret-stdin, never from the command line.',
    )
    .requiredOption('--carrier <kind>', `one of ${CARRIER_ACCOUNT_KINDS.join(', ')}`)
    .requiredOption('--settings <json>', 'the account settings as JSON (see docs/carriers.md)')
    .option('--secret-stdin', 'read the token or password from standard input')
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .action(async (opts: { carrier: string; settings: string; secretStdin?: boolean; data?: string }) => {
      const kind = kindOf(opts.carrier);
      let raw: unknown;
      try {
        raw = { ...(JSON.parse(opts.settings) as object), kind };
      } catch {
        throw new UsageError('--settings is not valid JSON');
      }
      const parsed = carrierAccountSchema.safeParse(raw);
      if (!parsed.success)
        throw new UsageError(`the ${kind} settings are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const secret = opts.secretStdin ? await readStdin() : null;
      const { db, dataDir } = openData(opts.data);
      try {
        const accounts = createCarrierAccounts(db);
        accounts.save(parsed.data, new Date().toISOString());
        if (secret) accounts.saveSealedSecret(kind, keyFileSecrets(dataDir).sealer.seal(new TextEncoder().encode(secret)), carrierEndpoint(parsed.data));
        const hasSecret = accounts.sealedSecret(kind) !== null;
        process.stdout.write(
          `${kind}: saved${carrierNeedsSecret(kind) ? (hasSecret ? ', with its secret sealed' : ', no secret yet (use --secret-stdin)') : ''}\n`,
        );
      } finally {
        db.close();
      }
    });

  carriers
    .command('test')
    .description("Check that a carrier answers with the account's settings and secret; exit 1 with the carrier's reason when it does not.")
    .requiredOption('--carrier <kind>', `one of ${CARRIER_ACCOUNT_KINDS.join(', ')}`)
    .option('--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)')
    .action(async (opts: { carrier: string; data?: string }) => {
      const kind = kindOf(opts.carrier);
      const { db, dataDir } = openData(opts.data);
      try {
        const accounts = createCarrierAccounts(db);
        const account = accounts.get(kind);
        if (!account) throw new UsageError(`there is no ${kind} account; save one with "packdesk carriers set --carrier ${kind} --settings '{…}'"`);
        const sealer = keyFileSecrets(dataDir).sealer;
        const open = (sealed: Uint8Array) => new TextDecoder().decode(sealer.open(sealed));
        const sealed = accounts.sealedSecret(kind);
        const carrier = createCarrier(account, sealed ? open(sealed) : null, depsFor(db, open));
        const started = performance.now();
        const { account: name } = await carrier.testConnection();
        process.stdout.write(`${kind}: ok, ${name} (${Math.round(performance.now() - started)} ms)\n`);
      } catch (error) {
        if (!(error instanceof CarrierFailure)) throw error;
        process.stderr.write(`packdesk: ${kind}: ${error.message} [${error.key}]\n`);
        throw new CommanderError(1, `packdesk.carriers.${error.kind}`, error.message);
      } finally {
        db.close();
      }
    });
}
