import type { Migration } from './migration';

/**
 * Printing is at-least-once: a job whose bytes went to the printer just before the station died
 * is sent again after the restart, and its label may print twice. Each job counts the attempts a
 * restart cut short, so the print panel can show the packer that it was sent again.
 */
export const printJobInterruptions: Migration = {
  version: 10,
  name: 'print-job-interruptions',
  up(db) {
    db.exec(`
      -- Attempts left 'printing' by a crash and queued again at the next start.
      ALTER TABLE print_jobs ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0 CHECK (interrupted >= 0);
    `);
  },
};
