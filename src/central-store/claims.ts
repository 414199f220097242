import type { Pool } from 'pg';
import type { OrderClaims } from '../app/ports/central';

type Kind = 'open' | 'lease' | 'completed';

export function createOrderClaims(pool: Pool): OrderClaims {
  const holder: OrderClaims['holder'] = async (orderNumber) => {
    const { rows } = await pool.query<{ station_id: string; kind: Kind; expires_at: Date | null }>(
      'SELECT station_id, kind, expires_at FROM order_claims WHERE order_number = $1',
      [orderNumber],
    );
    const row = rows[0];
    return row ? { stationId: row.station_id, kind: row.kind, expiresAt: row.expires_at } : null;
  };
  const claim: OrderClaims['claim'] = async (orderNumber, stationId, now) => {
    // The decision is this one statement: a racing second INSERT waits on the row's lock, then
    // re-checks the WHERE against the winner's row and updates nothing.
    const { rowCount } = await pool.query(
      `INSERT INTO order_claims (order_number, station_id, kind, claimed_at, expires_at) VALUES ($1, $2, 'open', $3, NULL)
         ON CONFLICT (order_number) DO UPDATE SET station_id = EXCLUDED.station_id, kind = 'open', claimed_at = EXCLUDED.claimed_at, expires_at = NULL
         WHERE (order_claims.station_id = EXCLUDED.station_id AND order_claims.kind <> 'completed')
            OR (order_claims.kind = 'lease' AND order_claims.expires_at <= EXCLUDED.claimed_at)`,
      [orderNumber, stationId, now],
    );
    if (rowCount === 1) return { won: true };
    const held = await holder(orderNumber);
    // Released between the two statements: nobody holds it now, so try once more.
    if (!held) return claim(orderNumber, stationId, now);
    return { won: false, heldBy: held.stationId, kind: held.kind };
  };
  return {
    claim,
    async lease(stationId, candidates, want, now, expiresAt) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // The first `want` candidates, in the station's order, that are free, its own lease already, or a lease run out.
        const { rows } = await client.query<{ order_number: string; expires_at: Date }>(
          `WITH wanted AS (
             SELECT c.n FROM unnest($4::text[]) WITH ORDINALITY AS c(n, i)
             LEFT JOIN order_claims oc ON oc.order_number = c.n
             WHERE oc.order_number IS NULL OR (oc.kind = 'lease' AND (oc.station_id = $1 OR oc.expires_at <= $2))
             ORDER BY c.i LIMIT $5
           )
           INSERT INTO order_claims (order_number, station_id, kind, claimed_at, expires_at)
           SELECT n, $1, 'lease', $2::timestamptz, $3::timestamptz FROM wanted
           ON CONFLICT (order_number) DO UPDATE SET station_id = EXCLUDED.station_id, kind = 'lease', claimed_at = EXCLUDED.claimed_at, expires_at = EXCLUDED.expires_at
           WHERE order_claims.kind = 'lease' AND (order_claims.station_id = EXCLUDED.station_id OR order_claims.expires_at <= EXCLUDED.claimed_at)
           RETURNING order_number, expires_at`,
          [stationId, now, expiresAt, [...new Set(candidates)], want],
        );
        const granted = rows.map((r) => r.order_number);
        await client.query("DELETE FROM order_claims WHERE station_id = $1 AND kind = 'lease' AND NOT (order_number = ANY($2::text[]))", [stationId, granted]);
        await client.query('COMMIT');
        return rows.map((r) => ({ orderNumber: r.order_number, expiresAt: r.expires_at })).sort((a, b) => a.orderNumber.localeCompare(b.orderNumber));
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async complete(orderNumber, stationId, now) {
      const { rowCount } = await pool.query(
        `INSERT INTO order_claims (order_number, station_id, kind, claimed_at, expires_at) VALUES ($1, $2, 'completed', $3, NULL)
         ON CONFLICT (order_number) DO UPDATE SET station_id = EXCLUDED.station_id, kind = 'completed', claimed_at = EXCLUDED.claimed_at, expires_at = NULL
         WHERE order_claims.station_id = EXCLUDED.station_id OR (order_claims.kind = 'lease' AND order_claims.expires_at <= EXCLUDED.claimed_at)`,
        [orderNumber, stationId, now],
      );
      return rowCount === 1;
    },
    async release(orderNumber) {
      const { rows } = await pool.query<{ station_id: string }>(
        "DELETE FROM order_claims WHERE order_number = $1 AND kind <> 'completed' RETURNING station_id",
        [orderNumber],
      );
      return rows[0]?.station_id ?? null;
    },
    holder,
  };
}
