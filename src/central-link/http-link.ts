import type crypto from 'node:crypto';
import type { RemoteOrder, RemoteProduct } from '../app/ports/backend';
import type { CentralLink, ClaimOutcome, Reached } from '../app/ports/central';
import { CENTRAL_ROUTES, type CentralInput, type CentralOutput, type CentralRoute } from '../contract/central';
import { signRequest } from '../platform/request-signature';

export interface HttpCentralLinkOptions {
  /** Central's base URL, e.g. http://central.lan:5190. */
  url: string;
  stationId: string;
  privateKey: crypto.KeyObject;
  now?: () => Date;
  /** A call that takes longer counts as central unreachable (default 3 s): a packer does not wait on the network. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

type Answer<R extends CentralRoute> =
  { ok: true; value: CentralOutput<R> } | { ok: false; error: { code: string; message: string; params?: Record<string, string> } };

/** The station's signed HTTP client of central (src/central/routes.ts answers it). */
export function createHttpCentralLink(options: HttpCentralLinkOptions): CentralLink {
  const base = options.url.replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 3000;

  async function call<R extends CentralRoute>(name: R, input: CentralInput<R>): Promise<Reached<Answer<R>>> {
    const route = CENTRAL_ROUTES[name];
    const body = JSON.stringify(input);
    const headers = signRequest(options.privateKey, options.stationId, { method: route.method, path: route.path, body }, now());
    let res: Response;
    try {
      res = await doFetch(`${base}${route.path}`, {
        method: route.method,
        headers: { ...headers, 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { reached: false, why: `${base} cannot be reached: ${error instanceof Error ? error.message : String(error)}` };
    }
    let answer: Answer<R>;
    try {
      answer = (await res.json()) as Answer<R>;
    } catch {
      return { reached: false, why: `${base}${route.path} answered ${res.status} without JSON.` };
    }
    // A refused signature is a setup fault, not an answer: the station cannot work with central.
    if (res.status === 401 || res.status >= 500)
      return { reached: false, why: `${base}${route.path} answered ${res.status}: ${answer.ok ? '' : answer.error.message}` };
    return { reached: true, value: answer };
  }

  const unexpected = (answer: { ok: false; error: { message: string } }): Reached<never> => ({
    reached: false,
    why: `central refused: ${answer.error.message}`,
  });

  return {
    async claim(orderNumber) {
      const r = await call('claim', { orderNumber });
      if (!r.reached) return r;
      if (r.value.ok) return { reached: true, value: { won: true } };
      const heldBy = r.value.error.params?.station;
      if (r.value.error.code !== 'ORDER_OPEN_ELSEWHERE' || !heldBy) return unexpected(r.value);
      const kind: Exclude<ClaimOutcome, { won: true }>['kind'] =
        r.value.error.params?.kind === 'completed' ? 'completed' : r.value.error.params?.kind === 'lease' ? 'lease' : 'open';
      return { reached: true, value: { won: false, heldBy, kind } };
    },
    async complete(orderNumber) {
      const r = await call('complete', { orderNumber });
      if (!r.reached) return r;
      return r.value.ok ? { reached: true, value: r.value.value.completed } : unexpected(r.value);
    },
    async release(orderNumber) {
      const r = await call('release', { orderNumber });
      if (!r.reached) return r;
      return r.value.ok ? { reached: true, value: r.value.value.releasedFrom } : unexpected(r.value);
    },
    async lease(candidates, want) {
      const r = await call('leases', { candidates: [...candidates], want });
      if (!r.reached) return r;
      if (!r.value.ok) return unexpected(r.value);
      return { reached: true, value: r.value.value.leases.map((l) => ({ orderNumber: l.orderNumber, expiresAt: new Date(l.expiresAt) })) };
    },
    async forwardOutbox(events) {
      const r = await call('outbox', { events: events.map((e) => ({ ...e })) as CentralInput<'outbox'>['events'] });
      if (!r.reached) return r;
      return { reached: true, value: r.value.ok ? r.value.value.receipts : { refused: r.value.error.message } };
    },
    async orderShop() {
      const r = await call('orderShop', {});
      if (!r.reached) return r;
      return r.value.ok ? { reached: true, value: r.value.value.shop } : unexpected(r.value);
    },
    async orderChanges(cursor, limit) {
      const r = await call('orderChanges', { cursor, limit });
      if (!r.reached) return r;
      if (!r.value.ok) return unexpected(r.value);
      // Central's copy of what the shop's backend read: the same records a station would have pulled itself.
      const { orders, products, cursor: next, more } = r.value.value;
      return { reached: true, value: { orders: orders as RemoteOrder[], products: products as RemoteProduct[], cursor: next, more } };
    },
  };
}
