import type { BackendFactory } from '../app/ports/backend';
import { BaselinkerBackend } from './baselinker/backend';
import { FileBackend } from './file/backend';
import { VendureBackend } from './vendure/backend';

export { keyFileSecrets, SECRETS_KEY_FILE } from './secrets/key-file-sealer';
export { SyncWorker } from './worker';
export { formatOf, readOrders, readProducts } from './file/import-format';

/** The adapter for the chosen shop system, or null when its settings are missing. */
export const createBackend: BackendFactory = (settings, secret) => {
  switch (settings.kind) {
    case 'vendure':
      return settings.vendure ? new VendureBackend(settings.vendure, secret) : null;
    case 'baselinker':
      return settings.baselinker ? new BaselinkerBackend(settings.baselinker, secret) : null;
    case 'file':
      return settings.file ? new FileBackend(settings.file) : null;
    default:
      return null;
  }
};
