import { StationFailure } from '../../contract/errors';
import type { BackendSettings } from '../../contract/sync';

/** The address a backend sends its password or token to, and whether an admin allowed plain http there. */
function secretTarget(settings: BackendSettings): { url: string; allowInsecureHttp: boolean } | null {
  if (settings.kind === 'vendure') return settings.vendure;
  if (settings.kind === 'baselinker') return settings.baselinker;
  return null;
}

function parsed(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * What a stored secret is bound to: the shop system and the address it was given for. A secret
 * is only ever sent to this endpoint; null for backends that take no secret (file, none).
 */
export function secretEndpoint(settings: BackendSettings): string | null {
  if (settings.kind !== 'vendure' && settings.kind !== 'baselinker') return null;
  const url = secretTarget(settings)?.url;
  return `${settings.kind} ${url ? (parsed(url)?.href ?? url) : ''}`;
}

/** This machine: a secret sent here never crosses a network. The URL parser has already normalised 127.1 and the like. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Plain http to another machine: anyone on the way reads what is sent. */
export function plainHttpElsewhere(settings: BackendSettings): boolean {
  const target = secretTarget(settings);
  const url = target ? parsed(target.url) : null;
  return url !== null && url.protocol === 'http:' && !isLoopback(url.hostname);
}

/** Plain http elsewhere that an admin allowed: it works, and the settings screen warns about it. */
export function insecureHttpAllowed(settings: BackendSettings): boolean {
  return plainHttpElsewhere(settings) && (secretTarget(settings)?.allowInsecureHttp ?? false);
}

/** A secret goes to plain http elsewhere only when an admin allowed it for this backend. */
export function refuseSecretInClear(settings: BackendSettings): void {
  if (!plainHttpElsewhere(settings) || insecureHttpAllowed(settings)) return;
  const url = secretTarget(settings)?.url ?? '';
  throw new StationFailure(
    'SYNC_INSECURE_URL',
    `The shop address ${url} is plain http to another machine, so the password or token would travel unencrypted. Use https, or allow plain http for this shop in the sync settings.`,
    { url },
  );
}

/** Shop systems that log in with a password or token. */
export const needsSecret = (settings: BackendSettings) => secretEndpoint(settings) !== null;
