/**
 * The station's carriers, from the accounts stored by `packdesk carriers set` (and the settings
 * screen): the durable shipment queue, and for each order the adapter and service its carrier
 * code names. Adapters are built from the stored account and its opened secret, and built again
 * when the account changes.
 */
import { carrierKindFor, carrierLabelFor, carrierServiceFor } from '../app/carriers/routing';
import { CarrierFailure, type Carrier, type CarrierPorts } from '../app/ports/carriers';
import type { DocumentRenderer, LabelSettingsRepository } from '../app/ports/documents';
import type { SecretSealer } from '../app/ports/journal';
import { secretEndpoint } from '../app/sync/endpoint';
import { createCarrier, memoryShipmentBook, type CarrierDeps } from '../carriers';
import type { CarrierAccount } from '../contract/carriers';
import type { Database } from '../storage/db';
import { createCarrierAccounts } from '../storage/repositories/carrier-accounts';
import { createCarrierShipmentRepository } from '../storage/repositories/carrier-shipments';
import { createManifestRepository } from '../storage/repositories/manifests';
import type { SyncSettingsRepository } from '../app/ports/backend';
import { BaselinkerClient } from '../sync/baselinker/client';

export interface CarrierBootOptions {
  db: Database;
  sealer: SecretSealer;
  syncSettings: SyncSettingsRepository;
  renderer: DocumentRenderer;
  labelSettings: LabelSettingsRepository;
  /** Tests point adapters at fakes with their own fetch or a short timeout. */
  deps?: Pick<CarrierDeps, 'fetch' | 'timeoutMs'>;
}

/** What BaseLinker couriers and our own label need besides the account: the shop's client, the renderer and the label settings. */
function extraDeps(options: CarrierBootOptions, open: (sealed: Uint8Array) => string): CarrierDeps {
  const shop = options.syncSettings.settings();
  // The shop's token only for the address it was given for, as the sync itself checks.
  const sealed = options.syncSettings.secretEndpoint() === secretEndpoint(shop) ? options.syncSettings.sealedSecret() : null;
  let client: BaselinkerClient | null = null;
  return {
    ...options.deps,
    baselinkerCall:
      shop.kind === 'baselinker' && shop.baselinker && sealed
        ? (method, parameters) => {
            client ??= new BaselinkerClient({ url: shop.baselinker!.url, token: open(sealed), requestsPerMinute: shop.baselinker!.requestsPerMinute });
            return client.call(method, parameters);
          }
        : null,
    own: {
      renderer: options.renderer,
      labelSettings: () => options.labelSettings.get(),
      allocateSsccSerial: () => options.labelSettings.allocateSsccSerial(),
      book: memoryShipmentBook(),
    },
  };
}

export function createCarrierPorts(options: CarrierBootOptions): CarrierPorts {
  const accounts = createCarrierAccounts(options.db);
  const open = (sealed: Uint8Array) => new TextDecoder().decode(options.sealer.open(sealed));
  const built = new Map<string, { key: string; carrier: Carrier }>();
  const adapterFor = (account: CarrierAccount): Carrier => {
    const sealed = accounts.sealedSecret(account.kind);
    const key = `${JSON.stringify(account)}|${sealed ? Buffer.from(sealed).toString('base64') : ''}|${JSON.stringify(options.syncSettings.settings())}`;
    const cached = built.get(account.kind);
    if (cached && cached.key === key) return cached.carrier;
    const carrier = createCarrier(account, sealed ? open(sealed) : null, extraDeps(options, open));
    built.set(account.kind, { key, carrier });
    return carrier;
  };
  const usable = (account: CarrierAccount): Carrier | null => {
    try {
      return adapterFor(account);
    } catch (error) {
      // An account that cannot be used (BaseLinker couriers without a BaseLinker shop): as if there were none.
      if (error instanceof CarrierFailure) return null;
      throw error;
    }
  };
  return {
    shipments: createCarrierShipmentRepository(options.db),
    accounts,
    manifests: createManifestRepository(options.db),
    carrierFor(kind) {
      const account = accounts.get(kind);
      return account ? usable(account) : null;
    },
    routeFor(order) {
      // A disabled account keeps its settings and its parcels' handover, but takes no new orders.
      const list = accounts.list().filter((a) => a.enabled);
      const kind = carrierKindFor(order.carrierCode, list);
      const account = kind ? list.find((a) => a.kind === kind) : undefined;
      if (!kind || !account) return null;
      const carrier = usable(account);
      if (!carrier) return null;
      return { carrier, service: carrierServiceFor(kind, order.service, order.carrierCode), label: carrierLabelFor(account) };
    },
  };
}
