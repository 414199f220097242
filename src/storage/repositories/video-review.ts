import type { Database } from 'better-sqlite3';
import type { ReviewLookups } from '../../app/ports/video';
import type { PackingState } from '../../domain/packing';

/** The review screen's order search by what is printed on a parcel or an item. */
export function createReviewLookups(db: Database): ReviewLookups {
  const byTracking = db
    .prepare<[string, string], string>(
      `SELECT o.number FROM order_references r JOIN orders o ON o.id = r.order_id WHERE r.code = ? AND r.kind = 'tracking'
       UNION SELECT order_number FROM manifest_parcels WHERE tracking_number = ?`,
    )
    .pluck(true);
  const bySerial = db
    .prepare<[string], string>('SELECT DISTINCT o.number FROM shipped_serials s JOIN orders o ON o.id = s.order_id WHERE s.serial = ? ORDER BY o.number')
    .pluck(true);
  const packed = db.prepare<
    [string],
    { state: string; status: 'open' | 'completed'; station_id: string; user_id: number; opened_at: string; completed_at: string | null }
  >(
    `SELECT s.state, s.status, s.station_id, s.user_id, s.opened_at, s.completed_at FROM packing_sessions s JOIN orders o ON o.id = s.order_id
     WHERE o.number = ? ORDER BY s.status = 'completed' DESC, s.id DESC LIMIT 1`,
  );
  return {
    packedState(orderNumber) {
      const row = packed.get(orderNumber);
      if (!row) return null;
      return {
        state: JSON.parse(row.state) as PackingState,
        status: row.status,
        stationId: row.station_id,
        userId: row.user_id,
        openedAt: row.opened_at,
        completedAt: row.completed_at,
      };
    },
    ordersByTracking: (tracking) => byTracking.all(tracking, tracking),
    ordersBySerial: (serial) => bySerial.all(serial),
  };
}
