import type { Database } from 'better-sqlite3';
import type { CarrierAccountsRepository } from '../../app/ports/carriers';
import { carrierAccountSchema, carrierEndpoint, type CarrierAccount, type CarrierAccountKind } from '../../contract/carriers';

interface Row {
  kind: string;
  settings: string;
  sealed_secret: Buffer | null;
  secret_endpoint: string | null;
}

/** The carrier_accounts table; a row whose settings no longer read as an account is left out rather than guessed at. */
export function createCarrierAccounts(db: Database): CarrierAccountsRepository {
  const all = db.prepare<[], Row>('SELECT kind, settings, sealed_secret, secret_endpoint FROM carrier_accounts ORDER BY kind');
  const one = db.prepare<[string], Row>('SELECT kind, settings, sealed_secret, secret_endpoint FROM carrier_accounts WHERE kind = ?');
  const upsert = db.prepare<[string, string, string]>(
    'INSERT INTO carrier_accounts (kind, settings, updated_at) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at',
  );
  const setSecret = db.prepare<[Buffer | null, string | null, string]>('UPDATE carrier_accounts SET sealed_secret = ?, secret_endpoint = ? WHERE kind = ?');
  const remove = db.prepare<[string]>('DELETE FROM carrier_accounts WHERE kind = ?');

  const read = (row: Row | undefined): CarrierAccount | null => {
    if (!row) return null;
    const parsed = carrierAccountSchema.safeParse(JSON.parse(row.settings));
    return parsed.success ? parsed.data : null;
  };

  return {
    list: () => all.all().flatMap((row) => read(row) ?? []),
    get: (kind) => read(one.get(kind)),
    save(account, at) {
      upsert.run(account.kind, JSON.stringify(carrierAccountSchema.parse(account)), at);
    },
    remove(kind: CarrierAccountKind) {
      remove.run(kind);
    },
    sealedSecret(kind) {
      const row = one.get(kind);
      const account = read(row);
      if (!row?.sealed_secret || !account) return null;
      // A secret given for another address is not handed to this one.
      if (row.secret_endpoint !== carrierEndpoint(account)) return null;
      return new Uint8Array(row.sealed_secret);
    },
    saveSealedSecret(kind, sealed, endpoint) {
      if (!one.get(kind)) throw new Error(`There is no ${kind} account to keep a secret for.`);
      setSecret.run(sealed ? Buffer.from(sealed) : null, sealed ? endpoint : null, kind);
    },
  };
}
