import type { Database } from 'better-sqlite3';
import type { SyncSettingsRepository } from '../../app/ports/backend';
import { backendSettingsSchema, type BackendSettings } from '../../contract/sync';

const SETTINGS = 'settings';
const SECRET = 'secret';
const SECRET_ENDPOINT = 'secret_endpoint';
const LAST_RUN = 'last_run';
const CURSOR = 'cursor:';

/** Sync settings, cursors and the last run as key/value rows; the secret only as sealed bytes, with the endpoint it is for. */
export function createSyncSettings(db: Database): SyncSettingsRepository {
  const text = db.prepare<[string], { text_value: string | null; blob_value: Buffer | null }>('SELECT text_value, blob_value FROM sync_state WHERE key = ?');
  const put = db.prepare<[string, string | null, Buffer | null]>(
    'INSERT INTO sync_state (key, text_value, blob_value) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET text_value = excluded.text_value, blob_value = excluded.blob_value',
  );
  const remove = db.prepare<[string]>('DELETE FROM sync_state WHERE key = ?');
  const read = (key: string) => text.get(key) ?? null;
  // The secret and the endpoint it is bound to change together or not at all.
  const saveSecret = db.transaction((sealed: Uint8Array | null, endpoint: string | null) => {
    if (sealed) put.run(SECRET, null, Buffer.from(sealed));
    else remove.run(SECRET);
    if (sealed && endpoint !== null) put.run(SECRET_ENDPOINT, endpoint, null);
    else remove.run(SECRET_ENDPOINT);
  });

  return {
    settings(): BackendSettings {
      const row = read(SETTINGS);
      if (!row?.text_value) return backendSettingsSchema.parse({ kind: 'none' });
      return backendSettingsSchema.parse(JSON.parse(row.text_value));
    },
    saveSettings(settings) {
      put.run(SETTINGS, JSON.stringify(settings), null);
    },
    sealedSecret() {
      const blob = read(SECRET)?.blob_value;
      return blob ? new Uint8Array(blob) : null;
    },
    secretEndpoint: () => read(SECRET_ENDPOINT)?.text_value ?? null,
    saveSealedSecret(sealed, endpoint) {
      saveSecret(sealed, endpoint);
    },
    cursor: (name) => read(CURSOR + name)?.text_value ?? null,
    saveCursor(name, value) {
      if (value === null) remove.run(CURSOR + name);
      else put.run(CURSOR + name, value, null);
    },
    lastRun() {
      const row = read(LAST_RUN);
      return row?.text_value ? (JSON.parse(row.text_value) as ReturnType<SyncSettingsRepository['lastRun']>) : null;
    },
    saveLastRun(run) {
      put.run(LAST_RUN, JSON.stringify(run), null);
    },
  };
}
