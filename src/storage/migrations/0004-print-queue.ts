import type { Migration } from './migration';

/**
 * Documents and printing: every document kept with its hash and links, printer profiles per
 * station and document kind, the durable print queue, the day's manifests per carrier, and the
 * label settings with the SSCC serial counter.
 */
export const printQueue: Migration = {
  version: 4,
  name: 'print-queue',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('label', 'carrier_label', 'packing_slip', 'manifest', 'returns_receipt', 'test_page')),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'zpl', 'epl')),
        -- relative to the data folder, so the folder can move
        path TEXT NOT NULL UNIQUE,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        order_number TEXT COLLATE NOCASE,
        parcel_index INTEGER CHECK (parcel_index IS NULL OR parcel_index >= 1),
        manifest_number TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_order ON documents (order_number, created_at) WHERE order_number IS NOT NULL;
      CREATE INDEX documents_manifest ON documents (manifest_number) WHERE manifest_number IS NOT NULL;

      CREATE TABLE printer_profiles (
        station_id TEXT NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
        document_kind TEXT NOT NULL,
        printer_kind TEXT NOT NULL CHECK (printer_kind IN ('cups', 'raw_tcp', 'windows_pdf', 'electron')),
        target TEXT NOT NULL CHECK (length(target) > 0),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'zpl', 'epl')),
        raw INTEGER NOT NULL DEFAULT 0 CHECK (raw IN (0, 1)),
        PRIMARY KEY (station_id, document_kind)
      ) STRICT;

      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        station_id TEXT NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        document_kind TEXT NOT NULL,
        printer_kind TEXT NOT NULL CHECK (printer_kind IN ('cups', 'raw_tcp', 'windows_pdf', 'electron')),
        target TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('pdf', 'zpl', 'epl')),
        raw INTEGER NOT NULL CHECK (raw IN (0, 1)),
        status TEXT NOT NULL CHECK (status IN ('queued', 'printing', 'done', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
        last_error TEXT,
        next_attempt_at TEXT,
        printer_job_ref TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- The worker's question: which job of this station is due next.
      CREATE INDEX print_jobs_due ON print_jobs (station_id, next_attempt_at) WHERE status IN ('queued', 'failed');
      CREATE INDEX print_jobs_station ON print_jobs (station_id, status, id);
      CREATE INDEX print_jobs_document ON print_jobs (document_id);

      CREATE TABLE manifests (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        carrier TEXT NOT NULL,
        date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        opened_at TEXT NOT NULL,
        closed_at TEXT,
        CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      ) STRICT;
      -- At most one open manifest per carrier and day.
      CREATE UNIQUE INDEX manifests_open ON manifests (carrier, date) WHERE status = 'open';
      CREATE INDEX manifests_carrier_day ON manifests (carrier, date);

      CREATE TABLE manifest_parcels (
        manifest_id INTEGER NOT NULL REFERENCES manifests (id) ON DELETE CASCADE,
        tracking_number TEXT NOT NULL UNIQUE,
        order_number TEXT NOT NULL COLLATE NOCASE,
        parcel_index INTEGER NOT NULL CHECK (parcel_index >= 1),
        sscc TEXT CHECK (sscc IS NULL OR length(sscc) = 18),
        weight_grams REAL NOT NULL CHECK (weight_grams >= 0),
        ship_name TEXT NOT NULL,
        ship_postcode TEXT NOT NULL,
        ship_city TEXT NOT NULL,
        ship_country TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (manifest_id, tracking_number)
      ) STRICT;
      CREATE INDEX manifest_parcels_order ON manifest_parcels (order_number);

      -- One row: what the station's own labels say about the sender, and the SSCC counter.
      CREATE TABLE label_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        shop_name TEXT NOT NULL,
        ship_from TEXT NOT NULL CHECK (json_valid(ship_from)),
        gs1_company_prefix TEXT NOT NULL CHECK (length(gs1_company_prefix) BETWEEN 7 AND 10),
        sscc_extension_digit INTEGER NOT NULL CHECK (sscc_extension_digit BETWEEN 0 AND 9),
        return_policy TEXT NOT NULL,
        next_sscc_serial INTEGER NOT NULL DEFAULT 1 CHECK (next_sscc_serial >= 0)
      ) STRICT;
    `);
  },
};
