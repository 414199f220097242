import { CarrierFailure, type Carrier } from '../app/ports/carriers';
import type { CarrierAccount } from '../contract/carriers';
import { BaselinkerCouriers, type BaselinkerCall } from './baselinker/couriers';
import { DpdCarrier } from './dpd/dpd';
import { InpostCarrier } from './inpost/inpost';
import { OwnCarrier, type OwnCarrierDeps } from './own/own';
import { ENadawcaCarrier } from './poczta-polska/e-nadawca';

export { cleanZpl } from '../domain/zpl-clean';
export { BaselinkerCouriers, type BaselinkerCall } from './baselinker/couriers';
export { DpdCarrier } from './dpd/dpd';
export { InpostCarrier } from './inpost/inpost';
export { memoryShipmentBook, OwnCarrier } from './own/own';
export { ENadawcaCarrier } from './poczta-polska/e-nadawca';

/** What some adapters need besides their account: the shop's BaseLinker call, our renderer and SSCC serials. */
export interface CarrierDeps {
  /** The shop backend's BaseLinker client call (one token, one limiter); null when the shop is not BaseLinker. */
  baselinkerCall?: BaselinkerCall | null;
  own?: Omit<OwnCarrierDeps, 'name'> | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The adapter for a carrier account; the secret is already opened. */
export function createCarrier(account: CarrierAccount, secret: string | null, deps: CarrierDeps = {}): Carrier {
  const http = { fetch: deps.fetch, timeoutMs: deps.timeoutMs };
  switch (account.kind) {
    case 'inpost':
      return new InpostCarrier({ url: account.url, organizationId: account.organizationId, token: secret, sendingMethod: account.sendingMethod, ...http });
    case 'poczta-polska':
      return new ENadawcaCarrier({
        url: account.url,
        login: account.login,
        password: secret,
        bufferId: account.bufferId,
        postingOfficeId: account.postingOfficeId,
        codAccount: account.codAccount,
        ...http,
      });
    case 'dpd':
      return new DpdCarrier({
        url: account.url,
        login: account.login,
        password: secret,
        masterFid: account.masterFid,
        senderFid: account.senderFid ?? undefined,
        ...http,
      });
    case 'baselinker':
      if (!deps.baselinkerCall) {
        throw new CarrierFailure(
          'refused',
          'carrier.not_set_up',
          'BaseLinker couriers need the shop to be BaseLinker, with its token (Settings → Shop sync).',
          {
            carrier: 'BaseLinker',
          },
        );
      }
      return new BaselinkerCouriers(deps.baselinkerCall, account);
    case 'own':
      if (!deps.own)
        throw new CarrierFailure('refused', 'carrier.not_set_up', 'Our own labels need the label settings (Settings → Labels).', { carrier: account.name });
      return new OwnCarrier({ ...deps.own, name: account.name });
  }
}
