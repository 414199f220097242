import type { Migration } from './migration';

/**
 * A label printer's stock (A6 or 4×6 in), so a carrier is asked for its label on the stock the
 * station's printer holds (issue 12). Null where nobody has said: the carrier's A6 label then,
 * which fits both.
 */
export const labelStock: Migration = {
  version: 22,
  name: 'label-stock',
  up(db) {
    db.exec(`ALTER TABLE printer_profiles ADD COLUMN label_size TEXT CHECK (label_size IN ('a6', '4x6'));`);
  },
};
