import type { Migration } from './migration';

/**
 * The catalogue marks fragile products (glass, ceramics, lamps): the packer is told at the line,
 * and the packer statistics count a fragile unit as the harder work it is. Every product known
 * before is not fragile until the next catalogue import says otherwise.
 */
export const fragileProducts: Migration = {
  version: 29,
  name: 'fragile-products',
  up(db) {
    db.exec('ALTER TABLE products ADD COLUMN fragile INTEGER NOT NULL DEFAULT 0 CHECK (fragile IN (0, 1))');
  },
};
