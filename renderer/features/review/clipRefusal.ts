import type { StationError } from '../../../src/contract/errors';

/**
 * Why a clip would not load: the host's `{ ok: false, error }` for its address (asked for the
 * first byte only), e.g. VIDEO_STATION_OFFLINE when the station that recorded it is offline, or
 * null when the host names none. `fetcher` is the page's fetch (a test's own browser).
 */
export async function refusalOf(url: string, fetcher: typeof fetch = fetch): Promise<StationError | null> {
  try {
    const response = await fetcher(url, { headers: { range: 'bytes=0-0' }, credentials: 'include' });
    if (response.ok) {
      await response.body?.cancel();
      return null;
    }
    const body = (await response.json()) as { ok?: boolean; error?: StationError };
    return body.ok === false && body.error && typeof body.error.code === 'string' ? body.error : null;
  } catch {
    return null;
  }
}
