import type crypto from 'node:crypto';
import type { JournalReplicationLink, ReplicationReceipt } from '../app/ports/replication';
import { signedPost } from './signed-post';

export interface HttpReplicationLinkOptions {
  /** Central's base URL, e.g. http://central.lan:5190. */
  url: string;
  /** The id central registered this station under. */
  stationId: string;
  /** The station's central key (platform/central-key.ts), not its journal key. */
  privateKey: crypto.KeyObject;
  now?: () => Date;
  /** A request taking longer counts as central unreachable (default 15 s: a batch of 500 is a few hundred kB). */
  timeoutMs?: number;
}

/** Journal replication over central's signed /v1 routes (src/central/replication-routes.ts). */
export function createHttpReplicationLink(options: HttpReplicationLinkOptions): JournalReplicationLink {
  // Whatever central refused or could not answer, the caller is told why and carries on.
  const post = signedPost({ ...options, timeoutMs: options.timeoutMs ?? 15_000 });

  return {
    head: () => post<{ seq: number }>('/v1/journal/head', {}),
    send: (batch) => post<ReplicationReceipt>('/v1/journal/batch', batch),
  };
}
