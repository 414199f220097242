import type { Clock } from '../app/ports';
import type { CentralStations, RequestNonces } from '../app/ports/central';
import { parsePublicKey, readSignature, verifyRequest, type RequestToSign } from '../platform/request-signature';

/** Why central refused a station's request; the station logs it and shows it to whoever set it up. */
export type AuthRefusal = 'unsigned' | 'unknown-station' | 'bad-signature' | 'outside-window' | 'replayed';

export type Authentication = { ok: true; stationId: string } | { ok: false; reason: AuthRefusal; message: string };

export interface AuthenticationDeps {
  stations: CentralStations;
  nonces: RequestNonces;
  clock: Clock;
  /** How far a request's timestamp may be from central's clock, either way. */
  windowMs: number;
}

export interface IncomingRequest extends RequestToSign {
  headers: Record<string, string | string[] | undefined>;
}

const refuse = (reason: AuthRefusal, message: string): Authentication => ({ ok: false, reason, message });

/**
 * Checks a station's signed request. The nonce is recorded only after the signature holds, so
 * nobody without the station's key can use up its nonces; recording it is the last, atomic step,
 * so of two copies of one request racing in, exactly one passes.
 */
export async function authenticateStation(deps: AuthenticationDeps, request: IncomingRequest): Promise<Authentication> {
  const sig = readSignature(request.headers);
  if (!sig) return refuse('unsigned', 'The request carries no station signature (packdesk-station, -timestamp, -nonce, -signature).');
  const now = deps.clock.now().getTime();
  const sentAt = Number(sig.timestamp);
  if (Math.abs(now - sentAt) > deps.windowMs) {
    return refuse(
      'outside-window',
      `The request was signed at ${new Date(sentAt).toISOString()}, more than ${deps.windowMs / 1000} s from central's clock; check the station's clock.`,
    );
  }
  const station = await deps.stations.find(sig.stationId);
  if (!station)
    return refuse('unknown-station', `Station ${sig.stationId} is not registered at central; an admin adds it with \`packdesk central stations add\`.`);
  if (!verifyRequest(parsePublicKey(station.publicKey), request, sig)) {
    return refuse('bad-signature', `The signature does not match station ${sig.stationId}'s registered key.`);
  }
  const fresh = await deps.nonces.remember(sig.stationId, sig.nonce, new Date(sentAt + deps.windowMs));
  if (!fresh) return refuse('replayed', `Station ${sig.stationId} sent this request before (nonce seen); a replay is refused.`);
  return { ok: true, stationId: sig.stationId };
}
