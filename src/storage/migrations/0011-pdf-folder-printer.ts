import type { Migration } from './migration';

const KINDS = "('cups', 'raw_tcp', 'windows_pdf', 'electron', 'pdf_folder')";

/**
 * A printer that writes each document as a file into a folder inside the data folder: it works on
 * every station without hardware, so a fresh install prints its first label at once. SQLite
 * cannot change a CHECK in place, so both tables that name printer kinds are rebuilt (the
 * documented rebuild, with the same ids). Foreign keys stay on inside the runner's transaction, so
 * renaming print_jobs points the document request items at the old table: they are rebuilt too,
 * pointing at the new one, before the old table goes.
 */
export const pdfFolderPrinter: Migration = {
  version: 11,
  name: 'pdf-folder-printer',
  up(db) {
    db.exec(`
        ALTER TABLE printer_profiles RENAME TO printer_profiles_before_0011;
        CREATE TABLE printer_profiles (
          station_id TEXT NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
          document_kind TEXT NOT NULL,
          printer_kind TEXT NOT NULL CHECK (printer_kind IN ${KINDS}),
          target TEXT NOT NULL CHECK (length(target) > 0),
          format TEXT NOT NULL CHECK (format IN ('pdf', 'zpl', 'epl')),
          raw INTEGER NOT NULL DEFAULT 0 CHECK (raw IN (0, 1)),
          PRIMARY KEY (station_id, document_kind)
        ) STRICT;
        INSERT INTO printer_profiles SELECT station_id, document_kind, printer_kind, target, format, raw FROM printer_profiles_before_0011;
        DROP TABLE printer_profiles_before_0011;

        ALTER TABLE print_jobs RENAME TO print_jobs_before_0011;
        DROP INDEX print_jobs_due;
        DROP INDEX print_jobs_station;
        DROP INDEX print_jobs_document;
        CREATE TABLE print_jobs (
          id INTEGER PRIMARY KEY,
          station_id TEXT NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
          document_id INTEGER NOT NULL REFERENCES documents (id),
          document_kind TEXT NOT NULL,
          printer_kind TEXT NOT NULL CHECK (printer_kind IN ${KINDS}),
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
          updated_at TEXT NOT NULL,
          interrupted INTEGER NOT NULL DEFAULT 0 CHECK (interrupted >= 0)
        ) STRICT;
        INSERT INTO print_jobs (id, station_id, document_id, document_kind, printer_kind, target, format, raw, status, attempts, max_attempts,
                                last_error, next_attempt_at, printer_job_ref, created_at, updated_at, interrupted)
          SELECT id, station_id, document_id, document_kind, printer_kind, target, format, raw, status, attempts, max_attempts,
                 last_error, next_attempt_at, printer_job_ref, created_at, updated_at, interrupted FROM print_jobs_before_0011;
        CREATE INDEX print_jobs_due ON print_jobs (station_id, next_attempt_at) WHERE status IN ('queued', 'failed');
        CREATE INDEX print_jobs_station ON print_jobs (station_id, status, id);
        CREATE INDEX print_jobs_document ON print_jobs (document_id);

        ALTER TABLE document_request_items RENAME TO document_request_items_before_0011;
        DROP INDEX document_request_items_due;
        DROP INDEX document_request_items_request;
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
        INSERT INTO document_request_items (id, request_id, kind, parcel_index, status, attempts, last_error, next_attempt_at, sscc, document_id, print_job_id, updated_at)
          SELECT id, request_id, kind, parcel_index, status, attempts, last_error, next_attempt_at, sscc, document_id, print_job_id, updated_at
          FROM document_request_items_before_0011;
        DROP TABLE document_request_items_before_0011;
        CREATE INDEX document_request_items_due ON document_request_items (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX document_request_items_request ON document_request_items (request_id);

        DROP TABLE print_jobs_before_0011;
      `);
  },
};
