import type { Database } from 'better-sqlite3';
import type { StationKind, StationRecord, StationRepository } from '../../app/ports/store';
import type { Language } from '../../domain/user';

interface StationRow {
  id: string;
  name: string;
  language: string;
  idle_logout_minutes: number;
  badge_only_login: number;
  kind: string;
  time_zone: string;
}

function toStation(row: StationRow): StationRecord {
  return {
    id: row.id,
    name: row.name,
    language: row.language as Language,
    idleLogoutMinutes: row.idle_logout_minutes,
    badgeOnlyLogin: row.badge_only_login === 1,
    kind: row.kind as StationKind,
    timeZone: row.time_zone,
  };
}

export function createStationRepository(db: Database): StationRepository {
  const columns = 'id, name, language, idle_logout_minutes, badge_only_login, kind, time_zone';
  const getOne = db.prepare<[string], StationRow>(`SELECT ${columns} FROM stations WHERE id = ?`);
  const listAll = db.prepare<[], StationRow>(`SELECT ${columns} FROM stations ORDER BY id`);
  // A station written without the badge setting, kind or time zone keeps the one it has
  // (new stations: badge alone allowed, a packing desk, in Warsaw).
  const upsertOne = db.prepare<
    [
      Omit<StationRow, 'badge_only_login' | 'kind' | 'time_zone'> & {
        badge_only_login: number | null;
        kind: string | null;
        time_zone: string | null;
      },
    ]
  >(
    `INSERT INTO stations (${columns}) VALUES (@id, @name, @language, @idle_logout_minutes, coalesce(@badge_only_login, 1),
       coalesce(@kind, 'packing'), coalesce(@time_zone, 'Europe/Warsaw'))
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, language = excluded.language,
       idle_logout_minutes = excluded.idle_logout_minutes,
       badge_only_login = coalesce(@badge_only_login, stations.badge_only_login),
       kind = coalesce(@kind, stations.kind),
       time_zone = coalesce(@time_zone, stations.time_zone)`,
  );

  return {
    get(id) {
      const row = getOne.get(id);
      return row ? toStation(row) : null;
    },
    upsert(station) {
      upsertOne.run({
        id: station.id,
        name: station.name,
        language: station.language,
        idle_logout_minutes: station.idleLogoutMinutes,
        badge_only_login: station.badgeOnlyLogin === undefined ? null : Number(station.badgeOnlyLogin),
        kind: station.kind ?? null,
        time_zone: station.timeZone ?? null,
      });
    },
    list() {
      return listAll.all().map(toStation);
    },
  };
}
