import type { Migration } from './migration';

/**
 * Documents owed for a completed order. The completion transaction writes a request and one row
 * per document (a label per parcel, the slip); rendering and queueing happen later in a worker,
 * so a slow renderer or a crash never costs a shipment its documents.
 */
export const documentRequests: Migration = {
  version: 6,
  name: 'document-requests',
  up(db) {
    db.exec(`
      CREATE TABLE document_requests (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        order_number TEXT NOT NULL COLLATE NOCASE,
        session_id INTEGER NOT NULL REFERENCES packing_sessions (id),
        station_id TEXT NOT NULL REFERENCES stations (id),
        -- the PackedOrder as completion handed it on: parcels, lines, serials and lots
        packed TEXT NOT NULL CHECK (json_valid(packed)),
        created_at TEXT NOT NULL,
        UNIQUE (session_id)
      ) STRICT;
      CREATE INDEX document_requests_order ON document_requests (order_number);

      CREATE TABLE document_request_items (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES document_requests (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('label', 'carrier_label', 'packing_slip')),
        parcel_index INTEGER CHECK (parcel_index IS NULL OR parcel_index >= 1),
        status TEXT NOT NULL CHECK (status IN ('pending', 'done', 'kept')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error TEXT,
        next_attempt_at TEXT,
        -- drawn once from the label settings' counter, so a retried label keeps its SSCC
        sscc TEXT CHECK (sscc IS NULL OR length(sscc) = 18),
        document_id INTEGER REFERENCES documents (id),
        print_job_id INTEGER REFERENCES print_jobs (id),
        updated_at TEXT NOT NULL,
        CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX document_request_items_due ON document_request_items (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX document_request_items_request ON document_request_items (request_id);
    `);
  },
};
