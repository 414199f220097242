/**
 * BaseLinker's courier calls in the station's terms: our shipment ids for its packages, the
 * parameters of createPackage, getProtocol and runRequestParcelPickup, a package read back, and
 * the shop client's failures as carrier failures (docs/carriers.md, BaseLinker). No I/O: the
 * calls are in couriers.ts.
 */
import type { SyncFailure } from '../../app/ports/backend';
import { CarrierFailure, type CarrierLabelFormat, type CarrierShipment, type PickupRequest, type ShipmentRequest } from '../../app/ports/carriers';
import { decimalAmount } from '../address';
import type { BaselinkerCourierSettings } from './couriers';

export const CARRIER = 'BaseLinker';
export const PRINTABLE: Record<string, CarrierLabelFormat> = { pdf: 'pdf', zpl: 'zpl', epl: 'epl' };
/** getOrderPackages' tracking_status for a cancelled package. */
export const CANCELLED = 10;

export interface Package {
  package_id: number;
  courier_code: string;
  courier_package_nr: string;
  courier_inner_number?: string;
  tracking_status?: number;
}

/** Our id of a BaseLinker package: BaseLinker's calls need the order for reading it back, so both are kept. */
export function shipmentIdOf(orderId: string | number, packageId: number): string {
  return `${orderId}/${packageId}`;
}

export function parseShipmentId(id: string): { orderId: number; packageId: number } {
  const m = /^(\d+)\/(\d+)$/.exec(id);
  if (!m) {
    throw new CarrierFailure('invalid', 'carrier.not_found', `"${id}" is not a BaseLinker package of this station (order/package expected).`, {
      carrier: CARRIER,
    });
  }
  return { orderId: Number(m[1]), packageId: Number(m[2]) };
}

/** BaseLinker's order id of an order that came from BaseLinker; any other order cannot go with its couriers. */
export function orderIdOf(shopOrderId: string | null, orderNumber: string): number {
  if (!shopOrderId || !/^\d+$/.test(shopOrderId)) {
    throw new CarrierFailure(
      'invalid',
      'carrier.invalid_data',
      `Order ${orderNumber} did not come from BaseLinker, so a BaseLinker courier cannot ship it; choose another carrier for it.`,
      { carrier: CARRIER, order: orderNumber },
    );
  }
  return Number(shopOrderId);
}

/** The courier account the settings name, where they name one (BaseLinker takes the first otherwise). */
function accountOf(settings: BaselinkerCourierSettings): { account_id?: number } {
  return settings.accountId !== null ? { account_id: settings.accountId } : {};
}

/** getProtocol's parameters: the handover protocol of the day's packages. */
export function protocolParameters(packageIds: number[], settings: BaselinkerCourierSettings): Record<string, unknown> {
  return { courier_code: settings.courierCode, package_ids: packageIds, ...accountOf(settings) };
}

/** runRequestParcelPickup's parameters: the pickup time as a Unix timestamp, then the courier's own pickup fields. */
export function pickupParameters(packageIds: number[], pickup: PickupRequest, settings: BaselinkerCourierSettings): Record<string, unknown> {
  return {
    ...protocolParameters(packageIds, settings),
    fields: [{ id: 'pickup_date', value: String(Math.floor(Date.parse(`${pickup.date}T${pickup.from}:00Z`) / 1000)) }, ...settings.pickupFields],
  };
}

/** createPackage's parameters for one parcel: the courier's fields, with COD, insurance and the pickup point in the fields the settings name. */
export function packageParameters(orderId: number, request: ShipmentRequest, settings: BaselinkerCourierSettings): Record<string, unknown> {
  const d = request.parcel.dimensionsMm;
  const fields = [...settings.fields];
  const ids = settings.fieldIds;
  const missing = (what: string) =>
    new CarrierFailure(
      'invalid',
      'carrier.unsupported',
      `BaseLinker's courier ${settings.courierCode} has no field set up for ${what} (Settings → Carriers).`,
      {
        carrier: CARRIER,
        courier: settings.courierCode,
      },
    );
  if (request.cod) {
    if (!ids.cod) throw missing('cash on delivery');
    fields.push({ id: ids.cod, value: decimalAmount(request.cod.minor) });
  }
  if (request.declaredValue) {
    if (!ids.insurance) throw missing('the declared value');
    fields.push({ id: ids.insurance, value: decimalAmount(request.declaredValue.minor) });
  }
  if (request.pickupPoint) {
    if (!ids.pickupPoint) throw missing('the pickup point');
    fields.push({ id: ids.pickupPoint, value: request.pickupPoint });
  }
  return {
    order_id: orderId,
    courier_code: settings.courierCode,
    ...(settings.accountId !== null ? { account_id: settings.accountId } : {}),
    fields,
    packages: [
      {
        weight: Number((request.parcel.weightGrams / 1000).toFixed(3)),
        ...(d ? { length: Math.ceil(d.length / 10), width: Math.ceil(d.width / 10), height: Math.ceil(d.height / 10) } : {}),
      },
    ],
  };
}

export function toShipment(orderId: number, p: Package, reference: string): CarrierShipment {
  const tracking = p.courier_package_nr || null;
  return {
    carrier: 'baselinker',
    shipmentId: shipmentIdOf(orderId, p.package_id),
    trackingNumber: tracking,
    status: p.tracking_status === CANCELLED ? 'cancelled' : tracking ? 'confirmed' : 'pending',
    carrierStatus: p.tracking_status !== undefined ? `tracking_status ${p.tracking_status}` : 'created',
    reference,
  };
}

/** The shop client's SyncFailure said as a carrier failure; a refusal keeps BaseLinker's (or the courier's) own words. */
export function failureOf(error: SyncFailure, context: { what: string; method: string; courier: string; refusedKey: CarrierFailure['key'] }): CarrierFailure {
  const base = { carrier: CARRIER, courier: context.courier, method: context.method };
  const cause = (error as Error & { cause?: { name?: string } }).cause;
  switch (error.kind) {
    case 'unreachable':
      if (cause?.name === 'TimeoutError') {
        return new CarrierFailure(
          'timeout',
          'carrier.timeout',
          `BaseLinker did not answer ${context.what} in time. It may have been done; the station checks before asking again.`,
          base,
          { cause: error },
        );
      }
      return new CarrierFailure('unavailable', 'carrier.unreachable', `${error.message} The station tries again later.`, base, { cause: error });
    case 'rate_limited':
      return new CarrierFailure('unavailable', 'carrier.rate_limited', error.message, base, { cause: error });
    case 'auth':
      return new CarrierFailure('refused', 'carrier.auth', error.message, base, { cause: error });
    case 'bad_response':
      return new CarrierFailure('unavailable', 'carrier.bad_response', error.message, base, { cause: error });
    default:
      return new CarrierFailure('refused', context.refusedKey, `${error.message.replace(/\.$/, '')} (${context.what}, courier ${context.courier}).`, base, {
        cause: error,
      });
  }
}
