import type crypto from 'node:crypto';
import { signRequest } from '../platform/request-signature';

/**
 * What a signed call to central came to: its answer, or why central could not give one, and when
 * central answered with a refusal, what it refused (status, code and message).
 */
export type SignedAnswer<T> = { reached: true; value: T } | { reached: false; why: string; refused?: { status: number; code: string; message: string } };

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface SignedPostOptions {
  /** Central's base URL, e.g. http://central.lan:5190. */
  url: string;
  /** The id central registered this station under. */
  stationId: string;
  /** The station's central key (platform/central-key.ts), not its journal key. */
  privateKey: crypto.KeyObject;
  now?: () => Date;
  /** A call taking longer counts as central unreachable. */
  timeoutMs: number;
}

/**
 * A JSON POST to central's signed /v1 routes, signed with the station's key. Central down, slow,
 * or refusing: the answer says why, in a sentence for the log and the screen, and never throws.
 */
export function signedPost(options: SignedPostOptions): <T>(path: string, input: unknown) => Promise<SignedAnswer<T>> {
  const base = options.url.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  return async <T>(path: string, input: unknown): Promise<SignedAnswer<T>> => {
    const body = JSON.stringify(input);
    const headers = signRequest(options.privateKey, options.stationId, { method: 'POST', path, body }, now());
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
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
    if (!answer.ok)
      return {
        reached: false,
        why: `${base}${path} answered ${res.status}: ${answer.error.message}`,
        refused: { status: res.status, code: answer.error.code, message: answer.error.message },
      };
    return { reached: true, value: answer.value };
  };
}
