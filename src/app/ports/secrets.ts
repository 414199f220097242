import type { SecretSealer } from './journal';

export type { SecretSealer } from './journal';

/**
 * How the station seals the shop's token or password before it reaches the database: Electron's
 * safeStorage (main/secrets.ts) or, in the browser host and the CLI, a key file only the user
 * can read (src/sync/secrets/key-file-sealer.ts).
 */
export interface Secrets {
  sealer: SecretSealer;
  /** Where the seal comes from, for the settings screen and the logs. */
  describe: string;
}
