import { isAppUrl } from './app-url';

const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * May this URL be handed to the operating system's browser? Only plain https to a named host:
 * no other scheme (file:, smb:, ms-msdt: and friends launch local programs), no credentials,
 * no odd port, no bare IP or single-label/intranet name a crafted link could point at.
 */
export function isVettedExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  if (/[\0-\x20\\]/.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  const host = parsed.hostname;
  if (host.startsWith('[') || /^[\d.]+$/.test(host)) return false;
  if (!host.includes('.') || host.endsWith('.localhost') || host.endsWith('.local')) return false;
  return /^[a-z0-9.-]+$/.test(host) && !host.startsWith('.') && !host.endsWith('.') && !host.includes('..');
}

export type NavigationDecision = 'allow' | 'open-externally' | 'deny';

/** The page stays on app://packdesk; a vetted https link goes to the system browser instead. */
export function navigationDecision(url: string): NavigationDecision {
  if (isAppUrl(url)) return 'allow';
  return isVettedExternalUrl(url) ? 'open-externally' : 'deny';
}

/** New windows are never created; a vetted https target opens in the system browser. */
export function windowOpenDecision(url: string): Exclude<NavigationDecision, 'allow'> {
  return isVettedExternalUrl(url) ? 'open-externally' : 'deny';
}

export interface PermissionQuestion {
  permission: string;
  /** URL or origin of the frame asking. */
  requestingUrl: string | null | undefined;
  isMainFrame: boolean;
  /** For 'media': what the page wants; audio is never granted. */
  mediaTypes?: readonly string[] | undefined;
}

/**
 * The only permission the station page gets is the camera, for the packing video: 'media'
 * limited to video, from the main frame of our own origin. Microphone, geolocation,
 * notifications, HID/serial/USB (devices belong to the core) and the rest are refused.
 */
export function isPermissionGranted(question: PermissionQuestion): boolean {
  if (question.permission !== 'media') return false;
  if (!question.isMainFrame || !isAppUrl(question.requestingUrl)) return false;
  const types = question.mediaTypes ?? [];
  return types.length > 0 && types.every((type) => type === 'video');
}

/**
 * Requests the window itself may make. Everything it needs is on app://packdesk or created in
 * the page (data:, blob:); the network is not reachable from the renderer at all.
 */
export function isAllowedRendererRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  return /^(data|blob|devtools):/i.test(url);
}
