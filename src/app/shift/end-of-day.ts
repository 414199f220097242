import type { EndOfDayView } from '../../contract/shift';
import { dayContaining } from '../../domain/shifts';
import type { CarrierShipmentRepository } from '../ports/carriers';
import type { Store } from '../ports/store';

/**
 * What a manager checks before the carriers come: per carrier, the parcels the next handover
 * takes, how many went today, and today's parcels left out of it with the reason. Closing the
 * day (the manifest) is the carriers' own handover (app/carriers/handover).
 */
export function endOfDay(
  deps: { store: Pick<Store, 'stations'>; shipments: Pick<CarrierShipmentRepository, 'forDay'> | null },
  stationId: string,
  now: Date,
): EndOfDayView {
  const zone = deps.store.stations.get(stationId)?.timeZone ?? 'Europe/Warsaw';
  const day = dayContaining(now, zone);
  const parcels = deps.shipments?.forDay(day.from.toISOString(), day.to.toISOString()) ?? [];
  const carriers = [...new Set(parcels.map((p) => p.carrier))].sort();
  return {
    date: day.date,
    from: day.from.toISOString(),
    to: day.to.toISOString(),
    carriers: carriers.map((carrier) => {
      const mine = parcels.filter((p) => p.carrier === carrier && p.status === 'labelled');
      return {
        carrier,
        ready: mine
          .filter((p) => !p.handedOver)
          .map((p) => ({ orderNumber: p.orderNumber, parcelNo: p.parcelNo, trackingNumber: p.trackingNumber, since: p.createdAt })),
        handedOver: mine.filter((p) => p.handedOver).length,
      };
    }),
    leftOut: parcels
      .filter((p) => p.status !== 'labelled')
      .map((p) => ({
        carrier: p.carrier,
        orderNumber: p.orderNumber,
        parcelNo: p.parcelNo,
        reason: p.status === 'parked' ? 'parked' : p.status === 'cancelled' ? 'cancelled' : 'waiting_for_carrier',
        detail: p.status === 'parked' ? p.lastError : null,
      })),
  };
}
