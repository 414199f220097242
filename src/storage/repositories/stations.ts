import type { Database } from 'better-sqlite3';
import type { StationRecord, StationRepository } from '../../app/ports/store';
import type { Language } from '../../domain/user';

interface StationRow {
  id: string;
  name: string;
  language: string;
  idle_logout_minutes: number;
}

function toStation(row: StationRow): StationRecord {
  return { id: row.id, name: row.name, language: row.language as Language, idleLogoutMinutes: row.idle_logout_minutes };
}

export function createStationRepository(db: Database): StationRepository {
  const getOne = db.prepare<[string], StationRow>('SELECT id, name, language, idle_logout_minutes FROM stations WHERE id = ?');
  const listAll = db.prepare<[], StationRow>('SELECT id, name, language, idle_logout_minutes FROM stations ORDER BY id');
  const upsertOne = db.prepare<[StationRow]>(
    `INSERT INTO stations (id, name, language, idle_logout_minutes) VALUES (@id, @name, @language, @idle_logout_minutes)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, language = excluded.language,
       idle_logout_minutes = excluded.idle_logout_minutes`,
  );

  return {
    get(id) {
      const row = getOne.get(id);
      return row ? toStation(row) : null;
    },
    upsert(station) {
      upsertOne.run({ id: station.id, name: station.name, language: station.language, idle_logout_minutes: station.idleLogoutMinutes });
    },
    list() {
      return listAll.all().map(toStation);
    },
  };
}
