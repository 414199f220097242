import type { Database } from 'better-sqlite3';
import type { LoginRecord, LoginRepository } from '../../app/ports/store';

interface LoginRow {
  station_id: string;
  user_id: number;
  started_at: string;
  last_activity_at: string;
}

const COLUMNS = 'station_id, user_id, started_at, last_activity_at';

function toLogin(row: LoginRow): LoginRecord {
  return { stationId: row.station_id, userId: row.user_id, startedAt: row.started_at, lastActivityAt: row.last_activity_at };
}

/** One login per station: starting a new one replaces whoever was logged in there. */
export function createLoginRepository(db: Database): LoginRepository {
  const current = db.prepare<[string], LoginRow>(`SELECT ${COLUMNS} FROM logins WHERE station_id = ?`);
  const start = db.prepare<[LoginRow]>(
    `INSERT INTO logins (${COLUMNS}) VALUES (@station_id, @user_id, @started_at, @last_activity_at)
     ON CONFLICT (station_id) DO UPDATE SET user_id = excluded.user_id, started_at = excluded.started_at,
       last_activity_at = excluded.last_activity_at`,
  );
  const touch = db.prepare<[string, string]>('UPDATE logins SET last_activity_at = ? WHERE station_id = ?');
  const end = db.prepare<[string]>('DELETE FROM logins WHERE station_id = ?');
  const all = db.prepare<[], LoginRow>(`SELECT ${COLUMNS} FROM logins ORDER BY station_id`);

  return {
    current(stationId) {
      const row = current.get(stationId);
      return row ? toLogin(row) : null;
    },
    start(login) {
      start.run({ station_id: login.stationId, user_id: login.userId, started_at: login.startedAt, last_activity_at: login.lastActivityAt });
    },
    touch(stationId, at) {
      touch.run(at, stationId);
    },
    end(stationId) {
      end.run(stationId);
    },
    all() {
      return all.all().map(toLogin);
    },
  };
}
