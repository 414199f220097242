import type { Database } from 'better-sqlite3';
import type { ReviewLookups } from '../../app/ports/video';

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
  return {
    ordersByTracking: (tracking) => byTracking.all(tracking, tracking),
    ordersBySerial: (serial) => bySerial.all(serial),
  };
}
