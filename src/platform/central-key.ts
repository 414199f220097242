import crypto from 'node:crypto';
import path from 'node:path';
import { loadOrCreateOwnerOnly } from './owner-only-file';
import { publicKeyText } from './request-signature';

/** The station's key for talking to central, apart from its journal key: each can be replaced alone. */
export const CENTRAL_KEY_FILE = 'central-key.pem';

export interface CentralKey {
  privateKey: crypto.KeyObject;
  /** What an admin registers at central (`packdesk central stations add --public-key …`). */
  publicKey: string;
}

/** The station's central key from its data folder, made (owner-only, once) on first use. */
export function loadOrCreateCentralKey(dataDir: string): CentralKey {
  const file = path.join(dataDir, CENTRAL_KEY_FILE);
  return loadOrCreateOwnerOnly(
    file,
    () => Buffer.from(String(crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }))),
    (bytes) => {
      let privateKey: crypto.KeyObject;
      try {
        privateKey = crypto.createPrivateKey(bytes.toString('utf8'));
      } catch (error) {
        throw new Error(`${file} is damaged: move it aside, run \`packdesk station key\` for a new key and register it at central again.`, { cause: error });
      }
      return { privateKey, publicKey: publicKeyText(privateKey) };
    },
  );
}
