import type { Database } from 'better-sqlite3';
import type { LoginEndReason, LoginRecord, LoginRepository, NewLogin } from '../../app/ports/store';

interface LoginRow {
  id: number;
  client_key: string;
  station_id: string;
  user_id: number;
  started_at: string;
  last_activity_at: string;
  ended_at: string | null;
  end_reason: LoginEndReason | null;
}

const COLUMNS = 'id, client_key, station_id, user_id, started_at, last_activity_at, ended_at, end_reason';

function toLogin(row: LoginRow): LoginRecord {
  return {
    id: row.id,
    clientKey: row.client_key,
    stationId: row.station_id,
    userId: row.user_id,
    startedAt: row.started_at,
    lastActivityAt: row.last_activity_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
  };
}

/** Logins per client and station; a client's new login at a station ends its previous one there. */
export function createLoginRepository(db: Database): LoginRepository {
  const live = db.prepare<[string, string], LoginRow>(`SELECT ${COLUMNS} FROM logins WHERE client_key = ? AND station_id = ? AND ended_at IS NULL`);
  const byId = db.prepare<[number], LoginRow>(`SELECT ${COLUMNS} FROM logins WHERE id = ?`);
  const liveAt = db.prepare<[string], LoginRow>(`SELECT ${COLUMNS} FROM logins WHERE station_id = ? AND ended_at IS NULL ORDER BY started_at DESC, id DESC`);
  const liveFor = db.prepare<[string], LoginRow>(`SELECT ${COLUMNS} FROM logins WHERE client_key = ? AND ended_at IS NULL`);
  const allLive = db.prepare<[], LoginRow>(`SELECT ${COLUMNS} FROM logins WHERE ended_at IS NULL ORDER BY station_id, started_at, id`);
  const insert = db.prepare<[NewLogin]>(
    `INSERT INTO logins (client_key, station_id, user_id, started_at, last_activity_at)
     VALUES (@clientKey, @stationId, @userId, @startedAt, @startedAt)`,
  );
  const touch = db.prepare<[string, number]>('UPDATE logins SET last_activity_at = ? WHERE id = ? AND ended_at IS NULL');
  const end = db.prepare<[string, LoginEndReason, number]>('UPDATE logins SET ended_at = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL');
  const rekey = db.prepare<[string, string]>('UPDATE logins SET client_key = ? WHERE client_key = ? AND ended_at IS NULL');

  return {
    live(clientKey, stationId) {
      const row = live.get(clientKey, stationId);
      return row ? toLogin(row) : null;
    },
    byId(id) {
      const row = byId.get(id);
      return row ? toLogin(row) : null;
    },
    liveFor: (clientKey) => liveFor.all(clientKey).map(toLogin),
    liveAt: (stationId) => liveAt.all(stationId).map(toLogin),
    allLive: () => allLive.all().map(toLogin),
    start(login) {
      const id = Number(insert.run(login).lastInsertRowid);
      return { id, ...login, lastActivityAt: login.startedAt, endedAt: null, endReason: null };
    },
    touch(id, at) {
      touch.run(at, id);
    },
    end(id, at, reason) {
      return end.run(at, reason, id).changes > 0;
    },
    rekey(from, to) {
      return rekey.run(to, from).changes;
    },
  };
}
