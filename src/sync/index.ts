import type { BackendFactory } from '../app/ports/backend';
import { BaselinkerBackend } from './baselinker/backend';
import { FileBackend } from './file/backend';
import { ShopFileFolders } from './file/folders';
import { VendureBackend } from './vendure/backend';

export { keyFileSecrets, SECRETS_KEY_FILE } from './secrets/key-file-sealer';
export { SyncWorker } from './sync-worker';
export { formatOf, readOrders, readProducts } from './file/import-format';

export interface BackendOptions {
  /** The folders the file backend may use, as an administrator set them on the station (station-config.json). */
  fileFolders: readonly string[];
}

/** Builds the adapter for the chosen shop system, or null when its settings are missing. */
export function createBackendFactory(options: BackendOptions): BackendFactory {
  const folders = new ShopFileFolders(options.fileFolders);
  return (settings, secret) => {
    switch (settings.kind) {
      case 'vendure':
        return settings.vendure ? new VendureBackend(settings.vendure, secret) : null;
      case 'baselinker':
        return settings.baselinker ? new BaselinkerBackend(settings.baselinker, secret) : null;
      case 'file':
        return settings.file ? new FileBackend(settings.file, folders) : null;
      default:
        return null;
    }
  };
}
