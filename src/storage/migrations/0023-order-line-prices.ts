import type { Migration } from './migration';

/**
 * What the customer paid for each unit of a line, tax included, as the shop said: the returns
 * desk's refund starts from it (issue 10). Null for orders the shop sent without prices and for
 * every order made before.
 */
export const orderLinePrices: Migration = {
  version: 23,
  name: 'order-line-prices',
  up(db) {
    db.exec(`
      ALTER TABLE order_lines ADD COLUMN unit_price_minor INTEGER CHECK (unit_price_minor IS NULL OR unit_price_minor >= 0);
      ALTER TABLE order_lines ADD COLUMN price_currency TEXT CHECK (price_currency IS NULL OR length(price_currency) = 3);
    `);
  },
};
