/** Ports of the central service (issue 13); src/central-store implements them on PostgreSQL. */

/** A station an admin registered at central, with the Ed25519 key it signs its requests with. */
export interface RegisteredStation {
  id: string;
  name: string;
  /** `ed25519:` and the raw public key in base64url (see platform/request-signature). */
  publicKey: string;
  registeredAt: Date;
}

export interface CentralStations {
  /** 'exists' when the id is taken already: a key is replaced on purpose (replaceKey), never by accident. */
  register(station: Omit<RegisteredStation, 'registeredAt'>, now: Date): Promise<'added' | 'exists'>;
  replaceKey(id: string, publicKey: string): Promise<boolean>;
  find(id: string): Promise<RegisteredStation | null>;
  list(): Promise<RegisteredStation[]>;
}

export interface RequestNonces {
  /** Records a request's nonce until `expiresAt`; false when the station used it before (a replay). */
  remember(stationId: string, nonce: string, expiresAt: Date): Promise<boolean>;
  /** Forgets nonces whose request could no longer pass the timestamp window anyway. */
  forgetExpired(now: Date): Promise<number>;
}

export interface CentralSchema {
  /** The schema the database is at and the newest this build knows. */
  version(): Promise<{ schema: number; known: number }>;
}
