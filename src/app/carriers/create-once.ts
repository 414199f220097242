import { lookupOf, type Carrier, type CarrierShipment, type ShipmentRequest } from '../ports/carriers';

/**
 * Creates the shipment for a parcel at most once. On every attempt after the first, the carrier
 * is asked for the shipment made for this reference before anything is created: a first attempt
 * that timed out may well have created it, and a second shipment is a second parcel paid for.
 */
export async function createShipmentOnce(
  carrier: Carrier,
  request: ShipmentRequest,
  attempt: { first: boolean },
): Promise<{ shipment: CarrierShipment; created: boolean }> {
  if (!attempt.first) {
    const found = await carrier.findShipment(lookupOf(request));
    if (found) return { shipment: found, created: false };
  }
  return { shipment: await carrier.createShipment(request), created: true };
}
