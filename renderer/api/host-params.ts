/** What the browser host learns from the page address: which station this is. */
export interface HostParams {
  station: string | null;
}

const STATION_KEY = 'packdesk.station';

/**
 * Reads ?station= from the page address, keeping it for the tab's lifetime so a reload without it
 * still works. (An access token never reaches the page: the host trades ?token= for a cookie and
 * redirects before the page loads.)
 */
export function readHostParams(location: Pick<Location, 'search'>, storage: Pick<Storage, 'getItem' | 'setItem'>): HostParams {
  const station = new URLSearchParams(location.search).get('station');
  if (station) storage.setItem(STATION_KEY, station);
  return { station: station || storage.getItem(STATION_KEY) };
}
