import type { Migration } from './migration';

const NOT_A_DIGEST = "'users.badge_hash takes a badge digest, never a badge code'";

/**
 * Replaces every stored badge code by its keyed hash, made by badge_digest(), which createStore
 * registers with the data folder's badge key. A badge is a password that fits on a lanyard; the
 * database, its backups and anyone who copies them should not be able to print one.
 *
 * The column is renamed and rewritten in place, not rebuilt: a rebuild drops the users table,
 * and inside the migration's transaction foreign keys stay on, so the drop fails while logins,
 * order locks or packing sessions point at users (or, with deferred keys, runs the ON DELETE
 * action of any table that cascades). The column keeps its NOT NULL UNIQUE, and secure_delete
 * zeroes the old codes' bytes instead of leaving them in the pages' free space.
 */
export const badgeHashes: Migration = {
  version: 9,
  name: 'badge-hashes',
  up(db) {
    const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
    db.pragma('secure_delete = ON');
    try {
      db.exec('ALTER TABLE users RENAME COLUMN badge_code TO badge_hash');
      // Only stored codes need the key: a tool migrating a database without users needs none.
      const stored = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM users').get();
      if (stored && stored.n > 0) db.exec('UPDATE users SET badge_hash = badge_digest(badge_hash)');
      // As pin_hash's length check does for PINs: a plain badge code written by mistake is refused.
      db.exec(`
        CREATE TRIGGER users_badge_hash_insert BEFORE INSERT ON users WHEN length(NEW.badge_hash) <> 64
        BEGIN SELECT RAISE(ABORT, ${NOT_A_DIGEST}); END;
        CREATE TRIGGER users_badge_hash_update BEFORE UPDATE OF badge_hash ON users WHEN length(NEW.badge_hash) <> 64
        BEGIN SELECT RAISE(ABORT, ${NOT_A_DIGEST}); END;
      `);
    } finally {
      db.pragma(`secure_delete = ${secureDelete}`);
    }
  },
};
