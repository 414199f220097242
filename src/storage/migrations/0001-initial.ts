import type { Migration } from './migration';

/**
 * The first schema: stations and who is logged in there, users, the catalogue, and the orders
 * the queue shows. Sized for 100,000 orders and 400,000 lines; every foreign key has an index.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE stations (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 8),
        idle_logout_minutes INTEGER NOT NULL CHECK (idle_logout_minutes >= 0)
      ) STRICT;

      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('packer', 'manager', 'returns', 'admin')),
        badge_code TEXT NOT NULL UNIQUE,
        -- a salted hash, never the PIN; the length check refuses a plain PIN by mistake
        pin_hash TEXT NOT NULL CHECK (length(pin_hash) >= 32),
        language TEXT CHECK (language IS NULL OR length(language) BETWEEN 2 AND 8),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
      ) STRICT;

      CREATE TABLE logins (
        station_id TEXT PRIMARY KEY REFERENCES stations (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id),
        started_at TEXT NOT NULL,
        last_activity_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX logins_user ON logins (user_id);

      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        weight_grams REAL NOT NULL CHECK (weight_grams >= 0),
        tracking TEXT NOT NULL DEFAULT 'none' CHECK (tracking IN ('none', 'serial', 'lot')),
        refuse_expired INTEGER NOT NULL DEFAULT 0 CHECK (refuse_expired IN (0, 1)),
        returnable INTEGER NOT NULL DEFAULT 1 CHECK (returnable IN (0, 1)),
        is_kit INTEGER NOT NULL DEFAULT 0 CHECK (is_kit IN (0, 1))
      ) STRICT;

      CREATE TABLE barcodes (
        code TEXT PRIMARY KEY,
        product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        units_per_scan INTEGER NOT NULL DEFAULT 1 CHECK (units_per_scan >= 1)
      ) STRICT;
      CREATE INDEX barcodes_product ON barcodes (product_id);

      CREATE TABLE kit_components (
        kit_product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        component_product_id INTEGER NOT NULL REFERENCES products (id),
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        PRIMARY KEY (kit_product_id, component_product_id),
        CHECK (kit_product_id <> component_product_id)
      ) STRICT;
      CREATE INDEX kit_components_component ON kit_components (component_product_id);

      CREATE TABLE box_types (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        tare_grams REAL NOT NULL CHECK (tare_grams >= 0),
        length_mm REAL NOT NULL CHECK (length_mm > 0),
        width_mm REAL NOT NULL CHECK (width_mm > 0),
        height_mm REAL NOT NULL CHECK (height_mm > 0)
      ) STRICT;

      -- Order numbers are compared without case: a scanner with caps lock on still finds them.
      CREATE TABLE orders (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE COLLATE NOCASE,
        external_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('ready', 'on_hold', 'cancelled', 'shipped', 'partially_shipped')),
        customer_name TEXT NOT NULL,
        ship_name TEXT NOT NULL,
        ship_company TEXT,
        ship_street TEXT NOT NULL,
        ship_city TEXT NOT NULL,
        ship_postcode TEXT NOT NULL,
        ship_country TEXT NOT NULL,
        ship_phone TEXT,
        ship_email TEXT,
        carrier_code TEXT,
        service TEXT,
        note TEXT,
        -- number, customer and line SKUs, lower-cased with full Unicode rules (SQLite's lower()
        -- knows only ASCII), so the queue search finds "Łukasz" by "łuk"; written with the lines.
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- Covers the queue: walked in order for a page, and searched without touching the table.
      CREATE INDEX orders_queue ON orders (status, created_at, id, search_key);
      CREATE INDEX orders_external ON orders (external_id) WHERE external_id IS NOT NULL;

      CREATE TABLE order_lines (
        id INTEGER PRIMARY KEY,
        order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        product_id INTEGER NOT NULL REFERENCES products (id),
        sku TEXT NOT NULL,
        name TEXT NOT NULL,
        quantity INTEGER NOT NULL CHECK (quantity >= 1),
        UNIQUE (order_id, position)
      ) STRICT;
      CREATE INDEX order_lines_product ON order_lines (product_id);

      -- Codes printed on paper that lead back to an order: pick lists, and labels made earlier.
      CREATE TABLE order_references (
        code TEXT PRIMARY KEY COLLATE NOCASE,
        order_id INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('pick_list', 'tracking'))
      ) STRICT;
      CREATE INDEX order_references_order ON order_references (order_id);

      -- A row means "this order is open at that station"; one station at a time.
      CREATE TABLE order_locks (
        order_id INTEGER PRIMARY KEY REFERENCES orders (id) ON DELETE CASCADE,
        station_id TEXT NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id),
        locked_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX order_locks_station ON order_locks (station_id);
      CREATE INDEX order_locks_user ON order_locks (user_id);
    `);
  },
};
