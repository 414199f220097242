import { CarrierFailure } from '../app/ports/carriers';

export interface HttpConnection {
  /** The carrier's name in sentences ("InPost"). */
  carrier: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date), or null. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number | null {
  const value = headers.get('retry-after');
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * One HTTP exchange with a carrier. A carrier that cannot be reached is `unavailable` (nothing
 * was made); one that does not answer in time is `timeout` (something may have been made, so the
 * caller looks it up before trying again); 429 and 5xx are `unavailable`. Every other status is
 * returned for the adapter to read, because carriers put their reasons in the body.
 */
export async function httpCall(connection: HttpConnection, url: string, init: RequestInit): Promise<HttpAnswer> {
  const { carrier, timeoutMs } = connection;
  let response: Response;
  let body: Buffer;
  try {
    response = await (connection.fetch ?? fetch)(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new CarrierFailure(
        'timeout',
        'carrier.timeout',
        `${carrier} did not answer within ${Math.round(timeoutMs / 100) / 10} s. What was asked may have been done; the station checks before asking again.`,
        { carrier, seconds: Math.round(timeoutMs / 1000) },
        { cause: error },
      );
    }
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new CarrierFailure(
      'unavailable',
      'carrier.unreachable',
      `${carrier} cannot be reached (${why}); the station tries again later.`,
      { carrier, why },
      {
        cause: error,
      },
    );
  }
  if (response.status === 429) {
    const wait = retryAfterSeconds(response.headers);
    throw new CarrierFailure(
      'unavailable',
      'carrier.rate_limited',
      `${carrier} asked the station to slow down (HTTP 429)${wait !== null ? `; it tries again in ${wait} s` : '; it tries again later'}.`,
      { carrier, seconds: wait ?? 0 },
    );
  }
  return { status: response.status, headers: response.headers, body };
}

/** The failure for a 5xx answer that carried nothing more useful. */
export function serverError(carrier: string, status: number): CarrierFailure {
  return new CarrierFailure('unavailable', 'carrier.server_error', `${carrier} had an internal error (HTTP ${status}); the station tries again later.`, {
    carrier,
    status,
  });
}
