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
import type { DocumentRenderer, LabelSettings } from '../../app/ports/documents';
import { composeSscc } from '../../domain/barcode/sscc';
import type { ShippingLabelInput } from '../../domain/documents';

/** A shipment of our own transport: the request it was made for, kept to print its label again. */
export interface OwnShipment {
  sscc: string;
  request: ShipmentRequest;
  status: 'confirmed' | 'cancelled';
  createdAt: string;
}

/** Where own-transport shipments are kept; in memory for tests and tools, in the station's database once wired. */
export interface OwnShipmentBook {
  save(shipment: OwnShipment): void;
  bySscc(sscc: string): OwnShipment | null;
  byReference(reference: string): OwnShipment | null;
}

export function memoryShipmentBook(): OwnShipmentBook {
  const items: OwnShipment[] = [];
  return {
    save(shipment) {
      const at = items.findIndex((s) => s.sscc === shipment.sscc);
      if (at >= 0) items[at] = shipment;
      else items.push(shipment);
    },
    bySscc: (sscc) => items.find((s) => s.sscc === sscc) ?? null,
    byReference: (reference) => items.find((s) => s.request.reference === reference && s.status !== 'cancelled') ?? null,
  };
}

export interface OwnCarrierDeps {
  /** Our label and manifest renderer (src/documents, through its port). */
  renderer: DocumentRenderer;
  /** The station's label settings: the GS1 company prefix the SSCC is made from. */
  labelSettings: () => LabelSettings | null;
  /** The next SSCC serial, never handed out twice (the label settings repository's). */
  allocateSsccSerial: () => number;
  book: OwnShipmentBook;
  now?: () => Date;
  /** How our transport is named on labels and the manifest. */
  name?: string;
}

/**
 * Packdesk's own label as a carrier, for own vans, collection in person and tests: the tracking
 * number is the parcel's SSCC, the label is our shipping label, and the handover is our
 * manifest. It never leaves the station, so it is never down.
 */
export class OwnCarrier implements Carrier {
  readonly kind = 'own' as const;
  readonly capabilities = { labelFormats: ['pdf', 'zpl'] as CarrierLabelFormat[], cancel: true, pickup: false, pickupPoints: false };

  constructor(private readonly deps: OwnCarrierDeps) {}

  private get name(): string {
    return this.deps.name ?? 'Own transport';
  }

  private settings(): LabelSettings {
    const settings = this.deps.labelSettings();
    if (!settings) {
      throw new CarrierFailure('refused', 'carrier.not_set_up', 'Our own labels need the GS1 company prefix first (Settings → Labels).', {
        carrier: this.name,
      });
    }
    return settings;
  }

  async testConnection(): Promise<{ account: string }> {
    const settings = this.settings();
    return { account: `${this.name}: ${settings.shopName}, GS1 prefix ${settings.gs1CompanyPrefix}` };
  }

  async createShipment(request: ShipmentRequest): Promise<CarrierShipment> {
    const settings = this.settings();
    const composed = composeSscc(settings.ssccExtensionDigit, settings.gs1CompanyPrefix, this.deps.allocateSsccSerial());
    if (!composed.ok) throw new CarrierFailure('invalid', 'carrier.invalid_data', `No SSCC can be made: ${composed.message}.`, { carrier: this.name });
    const shipment: OwnShipment = { sscc: composed.sscc, request, status: 'confirmed', createdAt: (this.deps.now?.() ?? new Date()).toISOString() };
    this.deps.book.save(shipment);
    return this.toShipment(shipment);
  }

  async findShipment(lookup: ShipmentLookup): Promise<CarrierShipment | null> {
    const found = this.deps.book.byReference(lookup.reference);
    return found ? this.toShipment(found) : null;
  }

  async shipment(shipmentId: string): Promise<CarrierShipment> {
    return this.toShipment(this.get(shipmentId));
  }

  async awaitConfirmation(shipmentId: string): Promise<CarrierShipment> {
    return this.shipment(shipmentId);
  }

  async label(shipmentId: string, options: { format: CarrierLabelFormat; size: CarrierLabelSize }): Promise<CarrierLabel> {
    const shipment = this.get(shipmentId);
    const { request } = shipment;
    const input: ShippingLabelInput = {
      orderNumber: request.orderNumber,
      shipFrom: this.settings().shipFrom,
      shipTo: request.receiver,
      parcel: { index: request.parcel.index, count: request.parcel.count, weightGrams: request.parcel.weightGrams },
      carrier: this.name,
      service: request.service,
      trackingReference: shipment.sscc,
      sscc: shipment.sscc,
    };
    if (options.format === 'epl') {
      throw new CarrierFailure('invalid', 'carrier.unsupported', 'Our own label is made in PDF or ZPL; choose one of them for this printer.', {
        carrier: this.name,
      });
    }
    const rendered = options.format === 'zpl' ? this.deps.renderer.labelZpl(input, 203) : await this.deps.renderer.labelPdf(input, options.size);
    return { format: options.format, size: options.size, bytes: rendered.bytes, trackingNumber: shipment.sscc };
  }

  async cancel(shipmentId: string): Promise<void> {
    this.deps.book.save({ ...this.get(shipmentId), status: 'cancelled' });
  }

  /** Our manifest for the day's parcels; no pickup to order, the van is ours. */
  async closeDay(request: HandoverRequest): Promise<Handover> {
    const shipments = request.shipmentIds.map((id) => this.get(id)).filter((s) => s.status !== 'cancelled');
    const number = `OWN-${request.date.replace(/-/g, '')}`;
    const doc = await this.deps.renderer.manifest({
      manifestNumber: number,
      carrier: this.name,
      date: request.date,
      shipFrom: request.sender,
      closedAt: (this.deps.now?.() ?? new Date()).toISOString(),
      parcels: shipments.map((s) => ({
        orderNumber: s.request.orderNumber,
        trackingNumber: s.sscc,
        sscc: s.sscc,
        weightGrams: s.request.parcel.weightGrams,
        shipTo: { name: s.request.receiver.name, postcode: s.request.receiver.postcode, city: s.request.receiver.city, country: s.request.receiver.country },
      })),
    });
    return { document: { format: 'pdf', bytes: doc.bytes }, number, shipmentIds: shipments.map((s) => s.sscc), pickup: null };
  }

  private get(shipmentId: string): OwnShipment {
    const found = this.deps.book.bySscc(shipmentId);
    if (!found) throw new CarrierFailure('refused', 'carrier.not_found', `There is no own-transport parcel with SSCC ${shipmentId}.`, { carrier: this.name });
    return found;
  }

  private toShipment(s: OwnShipment): CarrierShipment {
    return {
      carrier: 'own',
      shipmentId: s.sscc,
      trackingNumber: s.sscc,
      status: s.status,
      carrierStatus: s.status,
      reference: s.request.reference,
    };
  }
}
