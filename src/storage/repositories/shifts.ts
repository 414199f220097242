import type { Database } from 'better-sqlite3';
import type { ShiftRepository } from '../../app/ports/store';

interface Row {
  station_id: string;
  starts: string;
}

export function createShiftRepository(db: Database): ShiftRepository {
  const warehouse = db.prepare<[], { starts: string }>('SELECT starts FROM warehouse_shifts WHERE id = 1');
  const stations = db.prepare<[], Row>('SELECT station_id, starts FROM station_shifts ORDER BY station_id');
  const saveWarehouse = db.prepare<[{ starts: string; by: number | null; at: string }]>(
    `INSERT INTO warehouse_shifts (id, starts, updated_by, updated_at) VALUES (1, @starts, @by, @at)
     ON CONFLICT (id) DO UPDATE SET starts = excluded.starts, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const saveStation = db.prepare<[{ station: string; starts: string; by: number | null; at: string }]>(
    `INSERT INTO station_shifts (station_id, starts, updated_by, updated_at) VALUES (@station, @starts, @by, @at)
     ON CONFLICT (station_id) DO UPDATE SET starts = excluded.starts, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const removeStation = db.prepare<[string]>('DELETE FROM station_shifts WHERE station_id = ?');
  return {
    warehouse() {
      const row = warehouse.get();
      return row ? (JSON.parse(row.starts) as string[]) : null;
    },
    stations() {
      return new Map(stations.all().map((r) => [r.station_id, JSON.parse(r.starts) as string[]]));
    },
    save(stationId, starts, by, at) {
      if (stationId === null) saveWarehouse.run({ starts: JSON.stringify(starts), by, at });
      else if (starts === null) removeStation.run(stationId);
      else saveStation.run({ station: stationId, starts: JSON.stringify(starts), by, at });
    },
  };
}
