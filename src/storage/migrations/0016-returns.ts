import { customerTerms } from '../../domain/returns/search-terms';
import { DEFAULT_REASON_CODES } from '../../domain/returns/rules';
import type { Migration } from './migration';

/**
 * The returns desk: returns and their items, photos, parcels that are not ours, the reason codes,
 * the shop's returns rules, why a product may not be returned, the carriers' return labels, and
 * what identifies a parcel quickly at 100,000 orders: an index of customers' name words and
 * e-mails (filled here for the orders already in the database), shipped serials by serial, and
 * completed packing sessions by order.
 */
export const returns: Migration = {
  version: 16,
  name: 'returns',
  up(db) {
    db.exec(`
      ALTER TABLE products ADD COLUMN non_returnable_reason TEXT
        CHECK (non_returnable_reason IS NULL OR non_returnable_reason IN ('hygiene', 'custom_made', 'other'));

      CREATE TABLE return_reason_codes (
        code TEXT PRIMARY KEY,
        label_en TEXT NOT NULL,
        label_pl TEXT NOT NULL,
        packing_error INTEGER NOT NULL CHECK (packing_error IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        position INTEGER NOT NULL
      ) STRICT;

      -- One row: the shop's returns rules as validated JSON (Polish law until a manager changes them).
      CREATE TABLE return_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        rules TEXT NOT NULL CHECK (json_valid(rules))
      ) STRICT;

      CREATE TABLE returns (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE COLLATE NOCASE,
        order_id INTEGER NOT NULL REFERENCES orders (id),
        type TEXT NOT NULL CHECK (type IN ('withdrawal', 'complaint', 'refused', 'exchange')),
        status TEXT NOT NULL CHECK (status IN ('open', 'decided', 'closed')),
        station_id TEXT NOT NULL REFERENCES stations (id),
        handler_id INTEGER NOT NULL REFERENCES users (id),
        -- what the parcel was identified by (return_code, order_number, tracking, serial, ...)
        identified_by TEXT,
        received_at TEXT NOT NULL,
        received_on TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        declared_on TEXT CHECK (declared_on IS NULL OR declared_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        delivered_on TEXT CHECK (delivered_on IS NULL OR delivered_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        time_zone TEXT NOT NULL,
        deadline_kind TEXT NOT NULL CHECK (deadline_kind IN ('refund', 'answer', 'settle')),
        deadline_last_day TEXT NOT NULL,
        deadline_ends_at TEXT NOT NULL,
        -- the last eligibility check, as shown (refusals and warnings with their params)
        eligibility TEXT NOT NULL CHECK (json_valid(eligibility)),
        override_by INTEGER REFERENCES users (id),
        override_reason TEXT,
        refund_minor INTEGER CHECK (refund_minor IS NULL OR refund_minor >= 0),
        refund_currency TEXT,
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('repair', 'replace', 'price_reduction', 'refund', 'rejected')),
        decision_reason TEXT,
        decided_at TEXT,
        decided_by INTEGER REFERENCES users (id),
        refunded_at TEXT,
        closed_at TEXT,
        closed_by INTEGER REFERENCES users (id),
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'open') = (decided_at IS NULL)),
        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CHECK ((override_by IS NULL) = (override_reason IS NULL))
      ) STRICT;
      -- The desk's and the managers' list: open returns by deadline.
      CREATE INDEX returns_by_deadline ON returns (deadline_ends_at, id) WHERE status <> 'closed';
      CREATE INDEX returns_order ON returns (order_id);
      CREATE INDEX returns_station ON returns (station_id);
      CREATE INDEX returns_handler ON returns (handler_id);
      CREATE INDEX returns_override_by ON returns (override_by) WHERE override_by IS NOT NULL;
      CREATE INDEX returns_decided_by ON returns (decided_by) WHERE decided_by IS NOT NULL;
      CREATE INDEX returns_closed_by ON returns (closed_by) WHERE closed_by IS NOT NULL;

      CREATE TABLE return_items (
        id INTEGER PRIMARY KEY,
        return_id INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
        -- null for an item we did not ship on this order (a wrong item)
        order_line_id INTEGER REFERENCES order_lines (id),
        product_id INTEGER REFERENCES products (id),
        sku TEXT,
        name TEXT,
        scanned_code TEXT,
        serial TEXT,
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        condition TEXT CHECK (condition IS NULL OR condition IN ('unopened', 'opened', 'used', 'damaged', 'wrong_item', 'missing', 'not_ours')),
        disposition TEXT CHECK (disposition IS NULL OR disposition IN ('restock', 'refurbish', 'scrap', 'to_customer', 'to_supplier')),
        reason_code TEXT REFERENCES return_reason_codes (code),
        note TEXT,
        -- a packing error the handler confirmed, attributed to the packing session and its packer
        packing_error_confirmed INTEGER NOT NULL DEFAULT 0 CHECK (packing_error_confirmed IN (0, 1)),
        packing_session_id INTEGER REFERENCES packing_sessions (id),
        packer_id INTEGER REFERENCES users (id),
        attributed_at TEXT,
        graded_by INTEGER REFERENCES users (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (condition <> 'missing' OR disposition IS NULL),
        CHECK ((packer_id IS NULL) = (attributed_at IS NULL))
      ) STRICT;
      CREATE INDEX return_items_return ON return_items (return_id, id);
      CREATE INDEX return_items_line ON return_items (order_line_id) WHERE order_line_id IS NOT NULL;
      CREATE INDEX return_items_product ON return_items (product_id, serial);
      CREATE INDEX return_items_reason ON return_items (reason_code) WHERE reason_code IS NOT NULL;
      -- The packer's statistics: packing errors found at the returns desk, by packer and time.
      CREATE INDEX return_items_packer ON return_items (packer_id, attributed_at) WHERE packer_id IS NOT NULL;
      CREATE INDEX return_items_session ON return_items (packing_session_id) WHERE packing_session_id IS NOT NULL;
      CREATE INDEX return_items_graded_by ON return_items (graded_by) WHERE graded_by IS NOT NULL;

      CREATE TABLE not_our_parcels (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE COLLATE NOCASE,
        status TEXT NOT NULL CHECK (status IN ('held', 'linked', 'sent_back', 'disposed')),
        station_id TEXT NOT NULL REFERENCES stations (id),
        handler_id INTEGER NOT NULL REFERENCES users (id),
        -- the sender as the label gives them
        sender_name TEXT NOT NULL,
        sender_address TEXT,
        sender_email TEXT,
        sender_phone TEXT,
        carrier TEXT,
        tracking TEXT COLLATE NOCASE,
        scanned TEXT,
        note TEXT,
        received_at TEXT NOT NULL,
        received_on TEXT NOT NULL,
        hold_last_day TEXT NOT NULL,
        hold_ends_at TEXT NOT NULL,
        linked_order_id INTEGER REFERENCES orders (id),
        linked_return_id INTEGER REFERENCES returns (id),
        resolved_at TEXT,
        resolved_by INTEGER REFERENCES users (id),
        resolution_note TEXT,
        CHECK ((status = 'held') = (resolved_at IS NULL)),
        CHECK ((status = 'linked') = (linked_order_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX not_our_parcels_held ON not_our_parcels (hold_ends_at, id) WHERE status = 'held';
      CREATE INDEX not_our_parcels_tracking ON not_our_parcels (tracking) WHERE tracking IS NOT NULL;
      CREATE INDEX not_our_parcels_station ON not_our_parcels (station_id);
      CREATE INDEX not_our_parcels_handler ON not_our_parcels (handler_id);
      CREATE INDEX not_our_parcels_order ON not_our_parcels (linked_order_id) WHERE linked_order_id IS NOT NULL;
      CREATE INDEX not_our_parcels_return ON not_our_parcels (linked_return_id) WHERE linked_return_id IS NOT NULL;
      CREATE INDEX not_our_parcels_resolved_by ON not_our_parcels (resolved_by) WHERE resolved_by IS NOT NULL;

      -- Photos from the station camera: files in the data folder, by their hash.
      CREATE TABLE return_photos (
        id INTEGER PRIMARY KEY,
        return_id INTEGER REFERENCES returns (id),
        not_ours_id INTEGER REFERENCES not_our_parcels (id),
        item_id INTEGER REFERENCES return_items (id),
        path TEXT NOT NULL UNIQUE,
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png')),
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        station_id TEXT NOT NULL REFERENCES stations (id),
        taken_by INTEGER NOT NULL REFERENCES users (id),
        taken_at TEXT NOT NULL,
        CHECK ((return_id IS NULL) <> (not_ours_id IS NULL))
      ) STRICT;
      CREATE INDEX return_photos_return ON return_photos (return_id) WHERE return_id IS NOT NULL;
      CREATE INDEX return_photos_not_ours ON return_photos (not_ours_id) WHERE not_ours_id IS NOT NULL;
      CREATE INDEX return_photos_item ON return_photos (item_id) WHERE item_id IS NOT NULL;
      CREATE INDEX return_photos_station ON return_photos (station_id);
      CREATE INDEX return_photos_taken_by ON return_photos (taken_by);

      -- A carrier's return label (the customer's prepaid return) linked to the order it returns.
      CREATE TABLE order_return_labels (
        tracking TEXT PRIMARY KEY COLLATE NOCASE,
        order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        carrier TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX order_return_labels_order ON order_return_labels (order_id);

      -- Customers' name words and e-mails, for finding an order by what a handler types.
      CREATE TABLE order_search_terms (
        term TEXT NOT NULL,
        order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        PRIMARY KEY (term, order_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX order_search_terms_order ON order_search_terms (order_id, term);

      CREATE INDEX shipped_serials_serial ON shipped_serials (serial);
      CREATE INDEX packing_sessions_order ON packing_sessions (order_id, status);
    `);
    const reason = db.prepare('INSERT INTO return_reason_codes (code, label_en, label_pl, packing_error, active, position) VALUES (?, ?, ?, ?, ?, ?)');
    DEFAULT_REASON_CODES.forEach((r, position) => reason.run(r.code, r.en, r.pl, Number(r.packingError), Number(r.active), position));
    const term = db.prepare('INSERT OR IGNORE INTO order_search_terms (term, order_id) VALUES (?, ?)');
    const orders = db.prepare<[], { id: number; customer_name: string; ship_name: string; ship_email: string | null }>(
      'SELECT id, customer_name, ship_name, ship_email FROM orders',
    );
    for (const order of orders.all()) {
      for (const t of customerTerms([order.customer_name, order.ship_name], order.ship_email)) term.run(t, order.id);
    }
  },
};
