/**
 * Address of a clip or an evidence package on the browser host. The browser's cookie says who is
 * asking, so no credential rides in the address.
 */
export function mediaUrl(kind: 'video' | 'evidence', name: string): string {
  return `/${kind}/${encodeURIComponent(name)}`;
}
