import type { Migration } from './migration';

/**
 * Orders keep what carriers need (pickup point and its name, COD, declared value), and carrier
 * shipments get their table: one row per parcel whose label comes from a carrier, written inside the
 * completion's transaction and worked off by the carrier worker (app/carriers/shipment-worker).
 * The row is the durable queue (attempts counted before the call goes out, so a retry looks the
 * reference up first), the record of the shipment (the carrier's id, the tracking number) and the
 * label exactly as the carrier sent it. Tracking numbers are indexed: review and the returns
 * desk find a parcel by the number printed on it.
 */
export const carrierShipments: Migration = {
  version: 18,
  name: 'carrier-shipments',
  up(db) {
    db.exec(`
      -- What carriers need from an order beyond its address (issue 12 point 5).
      ALTER TABLE orders ADD COLUMN pickup_point_id TEXT;
      ALTER TABLE orders ADD COLUMN pickup_point_name TEXT;
      ALTER TABLE orders ADD COLUMN cod_minor INTEGER CHECK (cod_minor IS NULL OR cod_minor >= 0);
      ALTER TABLE orders ADD COLUMN declared_value_minor INTEGER CHECK (declared_value_minor IS NULL OR declared_value_minor >= 0);
      ALTER TABLE orders ADD COLUMN currency TEXT;
      CREATE TABLE carrier_shipments (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        order_number TEXT NOT NULL,
        station_id TEXT NOT NULL,
        parcel_no INTEGER NOT NULL CHECK (parcel_no >= 1),
        carrier TEXT NOT NULL CHECK (carrier IN ('inpost', 'poczta-polska', 'dpd', 'baselinker', 'own')),
        reference TEXT NOT NULL,
        idempotency_key TEXT NOT NULL UNIQUE,
        request TEXT NOT NULL CHECK (json_valid(request)),
        status TEXT NOT NULL CHECK (status IN ('queued', 'created', 'labelled', 'parked', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        shipment_id TEXT,
        tracking_number TEXT,
        label_format TEXT CHECK (label_format IN ('pdf', 'zpl', 'epl')),
        label BLOB,
        handover_id INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- The carrier worker's question: which shipments are due, oldest first.
      CREATE INDEX carrier_shipments_due ON carrier_shipments (status, next_attempt_at, id);
      -- An order's parcels, for its labels and the tracking numbers sent to the shop.
      CREATE INDEX carrier_shipments_order ON carrier_shipments (order_number, parcel_no);
      -- Review and the returns desk: the parcel behind a tracking number.
      CREATE INDEX carrier_shipments_tracking ON carrier_shipments (tracking_number) WHERE tracking_number IS NOT NULL;
    `);
  },
};
