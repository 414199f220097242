import type { Migration } from './migration';

/**
 * Box types are run from the manager's screen (issue 11): one no longer used is withdrawn, not
 * deleted, since parcels packed in it still name it. Withdrawn boxes are not offered or chosen.
 */
export const boxTypesActive: Migration = {
  version: 20,
  name: 'box-types-active',
  up(db) {
    db.exec(`ALTER TABLE box_types ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));`);
  },
};
