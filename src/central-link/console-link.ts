import type crypto from 'node:crypto';
import type { Reached } from '../app/ports/central';
import type { CentralConsoleLink } from '../app/ports/central-console';
import { CENTRAL_CONSOLE_PATHS } from '../contract/central-console';
import { signedPost } from './signed-post';

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

/** The manager console's signed reads of central (src/central/console-routes.ts answers them). */
export function createHttpConsoleLink(options: HttpConsoleLinkOptions): CentralConsoleLink {
  // Whatever central refused or could not answer, the caller is told why and carries on.
  const post = signedPost({ ...options, timeoutMs: options.timeoutMs ?? 5000 });

  const map = async <T, U>(r: Promise<Reached<T>>, f: (value: T) => U): Promise<Reached<U>> => {
    const got = await r;
    return got.reached ? { reached: true, value: f(got.value) } : got;
  };

  return {
    search: (query) => post(CENTRAL_CONSOLE_PATHS.search, query),
    statistics: (period) => post(CENTRAL_CONSOLE_PATHS.statistics, period),
    packerStatistics: (query) => post(CENTRAL_CONSOLE_PATHS.packer, query),
    trend: (query) => post(CENTRAL_CONSOLE_PATHS.trend, query),
    journalFilters: () => post(CENTRAL_CONSOLE_PATHS.filters, {}),
    orderEntries: (orderNumber) => map(post<{ entries: never[] }>(CENTRAL_CONSOLE_PATHS.timeline, { orderNumber }), (v) => v.entries),
    floor: (since, returnsDueBefore) => post(CENTRAL_CONSOLE_PATHS.floor, { since, returnsDueBefore }),
    alarms: () => map(post<{ alarms: never[] }>(CENTRAL_CONSOLE_PATHS.alarms, {}), (v) => v.alarms),
    parked: () => post(CENTRAL_CONSOLE_PATHS.parked, {}),
    requeue: (centralId, userId) => map(post<{ requeued: boolean }>(CENTRAL_CONSOLE_PATHS.requeue, { centralId, userId }), (v) => v.requeued),
  };
}
