import { SyncFailure } from '../../app/ports/backend';
import {
  CarrierFailure,
  type Carrier,
  type CarrierLabel,
  type CarrierLabelFormat,
  type CarrierLabelSize,
  type CarrierShipment,
  type Handover,
  type HandoverRequest,
  type ShipmentLookup,
  type ShipmentRequest,
} from '../../app/ports/carriers';
import {
  CANCELLED,
  CARRIER,
  failureOf,
  orderIdOf,
  packageParameters,
  parseShipmentId,
  pickupParameters,
  PRINTABLE,
  protocolParameters,
  toShipment,
  type Package,
} from './mapping';

/**
 * One call of BaseLinker's connector API. The composition root passes the shop backend's own
 * client (src/sync/baselinker/client), so couriers and the shop share its token and its limit of
 * 100 requests a minute instead of each counting alone; its failures are SyncFailures.
 */
export type BaselinkerCall = <T>(method: string, parameters: Record<string, unknown>) => Promise<T>;

export interface BaselinkerCourierSettings {
  /** The courier's code in BaseLinker (getCouriersList), e.g. inpostkurier, dpd. */
  courierCode: string;
  /** The courier account (getCourierAccounts); null: BaseLinker takes the first. */
  accountId: number | null;
  /** Form fields sent with every package (getCourierFields), e.g. the package type or services. */
  fields: { id: string; value: string }[];
  /** The courier's own field ids for what a parcel carries; null where the courier has none. */
  fieldIds: { cod: string | null; insurance: string | null; pickupPoint: string | null };
  /** Fields for the courier pickup (getRequestParcelPickupFields), besides the date. */
  pickupFields: { id: string; value: string }[];
}

/** Couriers connected in BaseLinker, reached through its connector API with the shop's token. */
export class BaselinkerCouriers implements Carrier {
  readonly kind = 'baselinker' as const;
  /** BaseLinker decides the label format from the courier account's settings; the label says which it is. */
  readonly capabilities = { labelFormats: ['pdf', 'zpl', 'epl'] as CarrierLabelFormat[], cancel: true, pickup: true, pickupPoints: true };

  constructor(
    private readonly call: BaselinkerCall,
    private readonly settings: BaselinkerCourierSettings,
  ) {}

  async testConnection(): Promise<{ account: string }> {
    const { couriers } = await this.send<{ couriers: { code: string; name: string }[] }>('getCouriersList', {}, 'the courier list');
    const courier = couriers.find((c) => c.code === this.settings.courierCode);
    if (!courier) {
      throw new CarrierFailure(
        'invalid',
        'carrier.not_set_up',
        `BaseLinker has no courier "${this.settings.courierCode}" connected; pick one of ${couriers.map((c) => c.code).join(', ') || 'none'}.`,
        { carrier: CARRIER, courier: this.settings.courierCode },
      );
    }
    return { account: `BaseLinker: ${courier.name}` };
  }

  async createShipment(request: ShipmentRequest): Promise<CarrierShipment> {
    const orderId = orderIdOf(request.shopOrderId, request.orderNumber);
    const made = await this.send<{ package_id: number; package_number: string }>(
      'createPackage',
      packageParameters(orderId, request, this.settings),
      'the package',
    );
    return toShipment(
      orderId,
      { package_id: made.package_id, courier_code: this.settings.courierCode, courier_package_nr: made.package_number },
      request.reference,
    );
  }

  /**
   * BaseLinker keeps no reference of ours on a package, so the order's packages for this
   * courier, oldest first, stand for its parcels in order: parcel 2 is the second package.
   */
  async findShipment(lookup: ShipmentLookup): Promise<CarrierShipment | null> {
    const orderId = orderIdOf(lookup.shopOrderId, lookup.reference);
    const packages = (await this.packages(orderId)).filter((p) => p.courier_code === this.settings.courierCode && p.tracking_status !== CANCELLED);
    const found = packages.sort((a, b) => a.package_id - b.package_id)[lookup.parcelIndex - 1];
    return found ? toShipment(orderId, found, lookup.reference) : null;
  }

  async shipment(shipmentId: string): Promise<CarrierShipment> {
    const { orderId, packageId } = parseShipmentId(shipmentId);
    const found = (await this.packages(orderId)).find((p) => p.package_id === packageId);
    if (!found) {
      throw new CarrierFailure('refused', 'carrier.not_found', `BaseLinker has no package ${packageId} on order ${orderId} any more.`, {
        carrier: CARRIER,
        shipment: shipmentId,
      });
    }
    return toShipment(orderId, found, '');
  }

  /** BaseLinker answers createPackage once the courier has numbered the parcel: nothing to wait for. */
  async awaitConfirmation(shipmentId: string): Promise<CarrierShipment> {
    return this.shipment(shipmentId);
  }

  async label(shipmentId: string, options: { format: CarrierLabelFormat; size: CarrierLabelSize }): Promise<CarrierLabel> {
    const { packageId } = parseShipmentId(shipmentId);
    const label = await this.send<{ extension: string; label: string }>(
      'getLabel',
      { courier_code: this.settings.courierCode, package_id: packageId },
      'the label',
    );
    const format = PRINTABLE[label.extension.toLowerCase()];
    if (!format) {
      throw new CarrierFailure(
        'refused',
        'carrier.label_failed',
        `BaseLinker sent the ${this.settings.courierCode} label as ${label.extension.toUpperCase()}, which a label printer cannot print; set PDF, ZPL or EPL in the courier's settings in BaseLinker.`,
        { carrier: CARRIER, format: label.extension },
      );
    }
    const shipment = await this.shipment(shipmentId);
    return { format, size: options.size, bytes: new Uint8Array(Buffer.from(label.label, 'base64')), trackingNumber: shipment.trackingNumber };
  }

  async cancel(shipmentId: string): Promise<void> {
    const { packageId } = parseShipmentId(shipmentId);
    await this.send('deleteCourierPackage', { courier_code: this.settings.courierCode, package_id: packageId }, 'the cancellation', 'carrier.cancel_refused');
  }

  async closeDay(request: HandoverRequest): Promise<Handover> {
    const packageIds = request.shipmentIds.map((id) => parseShipmentId(id).packageId);
    let pickup: Handover['pickup'] = null;
    if (request.pickup) {
      const made = await this.send<{ pickup_number: string }>(
        'runRequestParcelPickup',
        pickupParameters(packageIds, request.pickup, this.settings),
        'the courier pickup',
        'carrier.handover_failed',
      );
      pickup = { reference: String(made.pickup_number) };
    }
    const protocol = await this.send<{ extension: string; protocol: string }>(
      'getProtocol',
      protocolParameters(packageIds, this.settings),
      'the handover protocol',
      'carrier.handover_failed',
    );
    if (protocol.extension.toLowerCase() !== 'pdf') {
      throw new CarrierFailure(
        'refused',
        'carrier.handover_failed',
        `BaseLinker sent the ${this.settings.courierCode} protocol as ${protocol.extension.toUpperCase()}, not PDF; print it from BaseLinker, or use the station's own manifest.`,
        { carrier: CARRIER, format: protocol.extension },
      );
    }
    return {
      document: { format: 'pdf', bytes: new Uint8Array(Buffer.from(protocol.protocol, 'base64')) },
      number: null,
      shipmentIds: request.shipmentIds,
      pickup,
    };
  }

  // --- the exchange ---

  private async packages(orderId: number): Promise<Package[]> {
    return (await this.send<{ packages: Package[] }>('getOrderPackages', { order_id: orderId }, 'the order’s packages')).packages;
  }

  /** The shop client's SyncFailure, said as a carrier failure; a refusal keeps BaseLinker's (or the courier's) own words. */
  private async send<T>(method: string, parameters: Record<string, unknown>, what: string, refusedKey: CarrierFailure['key'] = 'carrier.refused'): Promise<T> {
    try {
      return await this.call<T>(method, parameters);
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      throw failureOf(error, { what, method, courier: this.settings.courierCode, refusedKey });
    }
  }
}
