import type crypto from 'node:crypto';
import type { Reached } from '../app/ports/central';
import type { CentralConsoleLink } from '../app/ports/central-console';
import { CENTRAL_CONSOLE_PATHS } from '../contract/central-console';
import { signRequest } from '../platform/request-signature';

export interface HttpConsoleLinkOptions {
  /** Central's base URL, e.g. http://central.lan:5190. */
  url: string;
  /** The id central registered this station under. */
  stationId: string;
  privateKey: crypto.KeyObject;
  now?: () => Date;
  /** A read taking longer counts as central unreachable (default 5 s): the screen then shows this station's own. */
  timeoutMs?: number;
}

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** The manager console's signed reads of central (src/central/console-routes.ts answers them). */
export function createHttpConsoleLink(options: HttpConsoleLinkOptions): CentralConsoleLink {
  const base = options.url.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 5000;

  async function post<T>(path: string, input: unknown): Promise<Reached<T>> {
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
    // Whatever central refused, the screen cannot show its answer: it shows this station's own and says why.
    if (!answer.ok) return { reached: false, why: `${base}${path} answered ${res.status}: ${answer.error.message}` };
    return { reached: true, value: answer.value };
  }

  const map = async <T, U>(r: Promise<Reached<T>>, f: (value: T) => U): Promise<Reached<U>> => {
    const got = await r;
    return got.reached ? { reached: true, value: f(got.value) } : got;
  };

  return {
    search: (query) => post(CENTRAL_CONSOLE_PATHS.search, query),
    statistics: (period) => post(CENTRAL_CONSOLE_PATHS.statistics, period),
    orderEntries: (orderNumber) => map(post<{ entries: never[] }>(CENTRAL_CONSOLE_PATHS.timeline, { orderNumber }), (v) => v.entries),
    floor: (since, returnsDueBefore) => post(CENTRAL_CONSOLE_PATHS.floor, { since, returnsDueBefore }),
    alarms: () => map(post<{ alarms: never[] }>(CENTRAL_CONSOLE_PATHS.alarms, {}), (v) => v.alarms),
    parked: () => post(CENTRAL_CONSOLE_PATHS.parked, {}),
    requeue: (centralId, userId) => map(post<{ requeued: boolean }>(CENTRAL_CONSOLE_PATHS.requeue, { centralId, userId }), (v) => v.requeued),
  };
}
