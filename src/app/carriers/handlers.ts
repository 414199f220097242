import { carrierEndpoint, carrierNeedsSecret, type CarrierAccount, type CarrierAccountView } from '../../contract/carriers';
import { StationFailure } from '../../contract/errors';
import type { CommonPorts } from '../context';
import type { HandlerSlice } from '../handlers';
import { CarrierFailure, type CarrierKind, type CarrierPorts } from '../ports/carriers';
import type { HandoverResult } from './handover';
import type { Secrets } from '../ports/secrets';

type CarrierMethod =
  | 'carriers.accounts.list'
  | 'carriers.accounts.set'
  | 'carriers.accounts.remove'
  | 'carriers.accounts.test'
  | 'carriers.handover.waiting'
  | 'carriers.handover';

/** Closes a carrier's day at the caller's station (src/app/carriers/handover), said by whom. */
export type CloseDay = (kind: CarrierKind, date: string, actorId: number | null, stationId: string) => Promise<HandoverResult>;

function refuseNone(carriers: CarrierPorts | null): CarrierPorts {
  if (!carriers) throw new StationFailure('VALIDATION_FAILED', 'This station keeps no carrier accounts.');
  return carriers;
}

/**
 * Carrier accounts from the settings screen. A secret belongs to the address it was given for: an
 * account moved to another address without a new secret loses the old one (as the shop's does).
 */
export function carrierHandlers(
  core: Pick<CommonPorts, 'journal' | 'clock'>,
  carriers: CarrierPorts | null,
  secrets: Secrets,
  closeDay: CloseDay,
): HandlerSlice<CarrierMethod> {
  const view = (ports: CarrierPorts, account: CarrierAccount): CarrierAccountView => ({
    account,
    hasSecret: ports.accounts.sealedSecret(account.kind) !== null,
  });
  return {
    'carriers.accounts.list': () => {
      const ports = carriers;
      return ports ? ports.accounts.list().map((a) => view(ports, a)) : [];
    },
    'carriers.accounts.set': ({ account, secret }, call) => {
      const ports = refuseNone(carriers);
      const at = core.clock.now().toISOString();
      ports.accounts.save(account, at);
      if (secret && carrierNeedsSecret(account.kind)) {
        ports.accounts.saveSealedSecret(account.kind, secrets.sealer.seal(new TextEncoder().encode(secret)), carrierEndpoint(account));
      } else if (secret === null) {
        ports.accounts.saveSealedSecret(account.kind, null, null);
      }
      core.journal.append({
        type: 'carriers.account.set',
        stationId: call.stationId,
        actorId: call.user?.id ?? null,
        subject: { kind: 'station', id: call.stationId },
        payload: { kind: account.kind, enabled: account.enabled, newSecret: Boolean(secret) },
      });
      return view(ports, account);
    },
    'carriers.accounts.remove': ({ kind }, call) => {
      const ports = refuseNone(carriers);
      ports.accounts.remove(kind);
      core.journal.append({
        type: 'carriers.account.removed',
        stationId: call.stationId,
        actorId: call.user?.id ?? null,
        subject: { kind: 'station', id: call.stationId },
        payload: { kind },
      });
      return null;
    },
    'carriers.accounts.test': async ({ kind }) => {
      const carrier = refuseNone(carriers).carrierFor(kind);
      if (!carrier) throw new StationFailure('VALIDATION_FAILED', `There is no usable ${kind} account; save it with its secret first.`, { carrier: kind });
      try {
        return await carrier.testConnection();
      } catch (error) {
        if (error instanceof CarrierFailure) throw new StationFailure('VALIDATION_FAILED', error.message, { carrier: kind, key: error.key }, { cause: error });
        throw error;
      }
    },
    'carriers.handover.waiting': () => {
      const ports = carriers;
      return ports ? ports.accounts.list().map((a) => ({ kind: a.kind, parcels: ports.shipments.awaitingHandover(a.kind).length })) : [];
    },
    'carriers.handover': ({ kind, date }, call) => {
      refuseNone(carriers);
      return closeDay(kind, date ?? core.clock.now().toISOString().slice(0, 10), call.user?.id ?? null, call.stationId);
    },
  };
}
