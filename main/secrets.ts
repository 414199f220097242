import { safeStorage } from 'electron';
import type { Secrets } from '../src/app/ports/secrets';

/**
 * Seals the shop's token with the OS keychain through Electron's safeStorage (DPAPI on Windows,
 * Keychain on macOS, libsecret/kwallet on Linux). Null when the OS offers no real encryption
 * (Linux without a keyring falls back to 'basic_text'), so the core uses its key file instead.
 */
export function createElectronSecrets(): Secrets | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  return {
    describe: 'Electron safeStorage (OS keychain)',
    sealer: {
      seal: (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('utf8'))),
      open: (sealed) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'utf8')),
    },
  };
}
