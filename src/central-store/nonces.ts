import type { Pool } from 'pg';
import type { RequestNonces } from '../app/ports/central';

export function createRequestNonces(pool: Pool): RequestNonces {
  return {
    async remember(stationId, nonce, expiresAt) {
      // One statement: of two requests racing with the same nonce exactly one inserts the row.
      const { rowCount } = await pool.query('INSERT INTO request_nonces (station_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        stationId,
        nonce,
        expiresAt,
      ]);
      return rowCount === 1;
    },
    async forgetExpired(now) {
      const { rowCount } = await pool.query('DELETE FROM request_nonces WHERE expires_at < $1', [now]);
      return rowCount ?? 0;
    },
  };
}
