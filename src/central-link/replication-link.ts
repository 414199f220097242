import type crypto from 'node:crypto';
import type { JournalReplicationLink, Reachable, ReplicationReceipt } from '../app/ports/replication';
import { signRequest } from '../platform/request-signature';

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

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Journal replication over central's signed /v1 routes (src/central/replication-routes.ts). */
export function createHttpReplicationLink(options: HttpReplicationLinkOptions): JournalReplicationLink {
  const base = options.url.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function post<T>(path: string, input: unknown): Promise<Reachable<T>> {
    const body = JSON.stringify(input);
    const headers = signRequest(options.privateKey, options.stationId, { method: 'POST', path, body }, now());
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { reached: false, why: `${base} cannot be reached: ${error instanceof Error ? error.message : String(error)}` };
    }
    let answer: Answer<T>;
    try {
      answer = (await res.json()) as Answer<T>;
    } catch {
      return { reached: false, why: `${base}${path} answered ${res.status} without JSON.` };
    }
    if (!answer.ok) return { reached: false, why: `${base}${path} answered ${res.status}: ${answer.error.message}` };
    return { reached: true, value: answer.value };
  }

  return {
    head: () => post<{ seq: number }>('/v1/journal/head', {}),
    send: (batch) => post<ReplicationReceipt>('/v1/journal/batch', batch),
  };
}
