import type { Migration } from './migration';

/**
 * Logins belong to the client that made them (one browser, one Electron window, the station's own
 * console), not to the station: several clients may be logged in at one station, each with its
 * own idle clock, and ending one leaves the others. Ended logins are kept for the manager's view.
 * A station setting says whether a badge alone logs a packer in (managers always add their PIN).
 * Logins that were open under the old one-per-station table are not carried over: nobody's
 * browser could present them, so everyone logs in again after the upgrade.
 */
export const loginSessions: Migration = {
  version: 8,
  name: 'login-sessions',
  up(db) {
    db.exec(`
      DROP TABLE logins;

      -- Whether packers and returns handlers may log in with the badge alone; managers and admins never do.
      ALTER TABLE stations ADD COLUMN badge_only_login INTEGER NOT NULL DEFAULT 1 CHECK (badge_only_login IN (0, 1));

      CREATE TABLE login_sessions (
        id INTEGER PRIMARY KEY,
        -- an opaque key the host derives from the client's credential; never the credential itself
        client_key TEXT NOT NULL CHECK (length(client_key) BETWEEN 3 AND 200),
        station_id TEXT NOT NULL REFERENCES stations (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users (id),
        started_at TEXT NOT NULL,
        last_activity_at TEXT NOT NULL,
        ended_at TEXT,
        end_reason TEXT CHECK (end_reason IS NULL OR end_reason IN ('logout', 'idle', 'ended_by_manager', 'replaced', 'user_inactive')),
        CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      ) STRICT;
      -- one live login per client and station
      CREATE UNIQUE INDEX login_sessions_live ON login_sessions (client_key, station_id) WHERE ended_at IS NULL;
      CREATE INDEX login_sessions_open ON login_sessions (station_id, started_at) WHERE ended_at IS NULL;
      CREATE INDEX login_sessions_user ON login_sessions (user_id);
    `);
  },
};
