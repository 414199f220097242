import type { Pool } from 'pg';
import type { CentralStations, RegisteredStation } from '../app/ports/central';

interface StationRow {
  id: string;
  name: string;
  public_key: string;
  registered_at: Date;
}

const toStation = (r: StationRow): RegisteredStation => ({ id: r.id, name: r.name, publicKey: r.public_key, registeredAt: r.registered_at });

export function createCentralStations(pool: Pool): CentralStations {
  return {
    async register(station, now) {
      const { rowCount } = await pool.query('INSERT INTO stations (id, name, public_key, registered_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
        station.id,
        station.name,
        station.publicKey,
        now,
      ]);
      return rowCount === 1 ? 'added' : 'exists';
    },
    async replaceKey(id, publicKey) {
      const { rowCount } = await pool.query('UPDATE stations SET public_key = $2 WHERE id = $1', [id, publicKey]);
      return rowCount === 1;
    },
    async find(id) {
      const { rows } = await pool.query<StationRow>('SELECT * FROM stations WHERE id = $1', [id]);
      return rows[0] ? toStation(rows[0]) : null;
    },
    async list() {
      const { rows } = await pool.query<StationRow>('SELECT * FROM stations ORDER BY id');
      return rows.map(toStation);
    },
  };
}
