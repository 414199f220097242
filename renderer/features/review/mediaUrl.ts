import { readHostParams } from '../../api/host-params';

/**
 * Address of a clip or an evidence package on the browser host. A <video> element or a download
 * link cannot send the Authorization header, so the token goes in the query as for /events.
 */
export function mediaUrl(kind: 'video' | 'evidence', name: string): string {
  const { token } = readHostParams({ search: '', href: window.location.href }, window.sessionStorage);
  const path = `/${kind}/${encodeURIComponent(name)}`;
  return token ? `${path}?token=${encodeURIComponent(token)}` : path;
}
