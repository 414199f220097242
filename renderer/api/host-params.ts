/** What the browser host learns from the page address: which station this is, and its token. */
export interface HostParams {
  station: string | null;
  token: string | null;
}

const STATION_KEY = 'packdesk.station';
const TOKEN_KEY = 'packdesk.token';

/**
 * Reads ?station= and ?token= from the page address, keeping them for the tab's lifetime so a
 * reload without them still works. The token is taken out of the visible address afterwards
 * so it does not end up in screenshots or bookmarks.
 */
export function readHostParams(location: Pick<Location, 'search' | 'href'>, storage: Pick<Storage, 'getItem' | 'setItem'>): HostParams {
  const query = new URLSearchParams(location.search);
  const station = query.get('station');
  const token = query.get('token');
  if (station) storage.setItem(STATION_KEY, station);
  if (token) storage.setItem(TOKEN_KEY, token);
  return { station: station || storage.getItem(STATION_KEY), token: token || storage.getItem(TOKEN_KEY) };
}

/** The page address without the token, for history.replaceState. */
export function addressWithoutToken(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('token');
  return url.toString();
}
