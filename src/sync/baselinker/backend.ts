import type { NotePush, PullPage, RemoteOrder, RemoteProduct, ReturnPush, ShipmentPush, ShopBackend, ShopLabel } from '../../app/ports/backend';
import type { BaselinkerSettings } from '../../contract/sync';
import { BaselinkerClient } from './client';
import type { LimiterClock } from './limiter';
import { productsOf, toRemoteOrder, type BaselinkerOrder } from './orders';
import { BaselinkerReturns } from './returns';

/** getOrders returns at most this many; a full page means there may be more. */
const PAGE = 100;
const LABEL_FORMATS: Record<string, ShopLabel['format']> = { pdf: 'pdf', zpl: 'zpl', epl: 'epl' };

interface Package {
  package_id: number;
  courier_code: string;
  courier_package_nr: string;
}

/** BaseLinker's connector API, at most 100 requests a minute from this station: orders in, packages and returns out. */
export class BaselinkerBackend implements ShopBackend {
  readonly kind = 'baselinker' as const;
  private readonly client: BaselinkerClient;
  private readonly returns: BaselinkerReturns;

  constructor(
    private readonly settings: BaselinkerSettings,
    token: string | null,
    options: { clock?: LimiterClock; fetch?: typeof fetch; now?: () => Date } = {},
  ) {
    const { now = () => new Date(), ...connection } = options;
    this.client = new BaselinkerClient({ url: settings.url, token, requestsPerMinute: settings.requestsPerMinute, ...connection });
    this.returns = new BaselinkerReturns(this.client, settings, now);
  }

  async testConnection() {
    const { statuses } = await this.client.call<{ statuses: { id: number; name: string }[] }>('getOrderStatusList');
    return { shopName: `BaseLinker (${statuses.length} order statuses)` };
  }

  /** The shop's statuses, for mapping them in the settings screen. */
  async statuses(): Promise<{ id: number; name: string }[]> {
    return (await this.client.call<{ statuses: { id: number; name: string }[] }>('getOrderStatusList')).statuses;
  }

  async pullProducts(): Promise<PullPage<RemoteProduct>> {
    return { items: [], cursor: null, more: false, total: 0 };
  }

  /** Confirmed orders by date_confirmed: the next page starts one second after the last order seen. */
  async pullOrders(cursor: string | null): Promise<PullPage<RemoteOrder>> {
    const from = cursor ? Number(cursor) + 1 : 0;
    const { orders } = await this.client.call<{ orders: BaselinkerOrder[] }>('getOrders', { date_confirmed_from: from, get_unconfirmed_orders: false });
    const last = orders.reduce((n, o) => Math.max(n, o.date_confirmed), cursor ? Number(cursor) : 0);
    const wanted = orders.filter((o) => [...this.settings.statusMap.ready, ...this.settings.statusMap.onHold].includes(o.order_status_id));
    return {
      items: wanted.map((o) => toRemoteOrder(o, this.settings.statusMap)),
      products: productsOf(wanted),
      cursor: String(last),
      more: orders.length === PAGE,
      total: null,
    };
  }

  async ordersById(externalIds: string[]): Promise<RemoteOrder[]> {
    const found: RemoteOrder[] = [];
    for (const id of externalIds) {
      const { orders } = await this.client.call<{ orders: BaselinkerOrder[] }>('getOrders', { order_id: Number(id), get_unconfirmed_orders: true });
      for (const order of orders) found.push(toRemoteOrder(order, this.settings.statusMap));
    }
    return found;
  }

  private async packages(orderId: string): Promise<Package[]> {
    return (await this.client.call<{ packages: Package[] }>('getOrderPackages', { order_id: Number(orderId) })).packages;
  }

  async hasShipment(push: ShipmentPush): Promise<boolean> {
    const packages = await this.packages(push.externalOrderId);
    const ours = this.buysLabel(push)
      ? packages.filter((p) => p.courier_code === this.settings.courierCode)
      : packages.filter((p) => push.trackingNumbers.includes(p.courier_package_nr));
    if (ours.length === 0) return false;
    await this.markShipped(push);
    return true;
  }

  async pushShipment(push: ShipmentPush): Promise<{ remoteRef: string }> {
    const orderId = Number(push.externalOrderId);
    const refs: string[] = [];
    if (this.buysLabel(push)) {
      for (const parcel of push.parcels) {
        const made = await this.client.call<{ package_id: number; package_number: string }>('createPackage', {
          order_id: orderId,
          courier_code: this.settings.courierCode,
          fields: [],
          packages: [{ weight: (parcel.weightGrams ?? 0) / 1000 }],
        });
        refs.push(String(made.package_id));
      }
    } else {
      for (const number of push.trackingNumbers) {
        const made = await this.client.call<{ package_id: number }>('createPackageManual', {
          order_id: orderId,
          courier_code: push.carrierCode,
          package_number: number,
          pickup_date: Math.floor(Date.now() / 1000),
        });
        refs.push(String(made.package_id));
      }
    }
    await this.markShipped(push);
    return { remoteRef: refs.join(',') };
  }

  private async markShipped(push: ShipmentPush): Promise<void> {
    if (this.settings.statusMap.shipped === null) return;
    await this.client.call('setOrderStatus', { order_id: Number(push.externalOrderId), status_id: this.settings.statusMap.shipped });
  }

  async pushNote(push: NotePush): Promise<void> {
    await this.client.call('setOrderFields', { order_id: Number(push.externalOrderId), admin_comments: push.note });
  }

  /** A return in BaseLinker's return manager with our return number as its reference; its refund and status are finished if a lost answer left them. */
  async hasReturn(push: ReturnPush): Promise<boolean> {
    return this.returns.has(push);
  }

  /** addOrderReturn, then the refund recorded and the status moved on (see BaselinkerReturns). */
  async pushReturn(push: ReturnPush): Promise<{ remoteRef: string }> {
    return this.returns.push(push);
  }

  /** The carrier's label for the first package BaseLinker made; null for labels made elsewhere. */
  /** BaseLinker buys the label from its courier only when one is set and the station did not label the parcel itself. */
  private buysLabel(push: ShipmentPush): boolean {
    return this.settings.courierCode !== null && push.labelFromShop !== false;
  }

  async fetchLabel(push: ShipmentPush): Promise<ShopLabel | null> {
    if (!this.buysLabel(push)) return null;
    const made = (await this.packages(push.externalOrderId)).find((p) => p.courier_code === this.settings.courierCode);
    if (!made) return null;
    const label = await this.client.call<{ extension: string; label: string }>('getLabel', { courier_code: made.courier_code, package_id: made.package_id });
    const format = LABEL_FORMATS[label.extension.toLowerCase()];
    if (!format) return null;
    return { trackingNumber: made.courier_package_nr, format, bytes: new Uint8Array(Buffer.from(label.label, 'base64')) };
  }
}
