import type { CentralMigration } from './migration';

/**
 * The orders and products central pulls from the shop once for the whole warehouse (issue 13,
 * point 1), which attached stations fetch from central instead of asking the shop themselves.
 *
 * Each row keeps the shop's record as the backends read it (`RemoteOrder`, `RemoteProduct`, as
 * JSON) and a `seq` from one sequence, renewed whenever the record changes: a station's cursor is
 * the highest seq it has taken, so it asks for exactly what changed since. Writers take a
 * transaction-level advisory lock before they draw from the sequence, so rows commit in seq order
 * and a reader never skips a seq that commits later. `central_order_lines` is the orders' lines
 * as rows, for the console's statistics (lines, kits, fragile and heavy units). `central_shop_pull`
 * is the pull's state: the shop's own order cursor and how the last pull went.
 */
export const centralOrders: CentralMigration = {
  version: 5,
  name: 'central-orders',
  async up(client) {
    await client.query(`
      CREATE SEQUENCE central_feed_seq;
      CREATE TABLE central_products (
        sku text PRIMARY KEY CHECK (sku <> ''),
        product jsonb NOT NULL,
        seq bigint NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX central_products_seq ON central_products (seq);
      CREATE TABLE central_orders (
        shop_kind text NOT NULL,
        external_id text NOT NULL,
        order_number text NOT NULL CHECK (order_number <> ''),
        status text NOT NULL CHECK (status IN ('ready', 'on_hold', 'cancelled', 'shipped')),
        remote jsonb NOT NULL,
        seq bigint NOT NULL,
        pulled_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (shop_kind, external_id)
      );
      CREATE INDEX central_orders_seq ON central_orders (seq);
      CREATE INDEX central_orders_number ON central_orders (order_number);
      CREATE INDEX central_orders_open ON central_orders (shop_kind, external_id) WHERE status IN ('ready', 'on_hold');
      CREATE TABLE central_order_lines (
        shop_kind text NOT NULL,
        external_id text NOT NULL,
        position integer NOT NULL,
        order_number text NOT NULL,
        sku text NOT NULL,
        quantity integer NOT NULL,
        PRIMARY KEY (shop_kind, external_id, position),
        FOREIGN KEY (shop_kind, external_id) REFERENCES central_orders (shop_kind, external_id) ON DELETE CASCADE
      );
      CREATE INDEX central_order_lines_number ON central_order_lines (order_number);
      CREATE TABLE central_shop_pull (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        shop_kind text NOT NULL,
        orders_cursor text,
        last_run_at timestamptz,
        last_success_at timestamptz,
        last_error text
      );
    `);
  },
};
