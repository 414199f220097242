import type { Database } from 'better-sqlite3';
import type { ReturnsRepository, ShipmentRecord } from '../../../app/ports/returns';
import type { PackingState } from '../../../domain/packing';

/** Words of a customer search as a range of the term index: every term that starts with the word. */
function prefixRange(word: string): [string, string] {
  return [word, `${word}\uffff`];
}

/** What identifies a parcel: the order's shipments, return labels, tracking, serials and customer words. */
export function createReturnLookups(db: Database): Pick<ReturnsRepository, 'shipments' | 'linkReturnLabel' | 'lookups'> {
  const shipments = db.prepare<[number], { id: number; station_id: string; user_id: number; completed_at: string; state: string }>(
    "SELECT id, station_id, user_id, completed_at, state FROM packing_sessions WHERE order_id = ? AND status = 'completed' ORDER BY id",
  );
  const linkReturnLabel = db.prepare<[string, number, string | null, string]>(
    `INSERT INTO order_return_labels (tracking, order_id, carrier, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (tracking) DO UPDATE SET order_id = excluded.order_id, carrier = excluded.carrier`,
  );
  const byReturnLabel = db.prepare<[string], number>('SELECT order_id FROM order_return_labels WHERE tracking = ?').pluck(true);
  const byTracking = db
    .prepare<[string, string], number>(
      `SELECT order_id FROM order_references WHERE code = ? AND kind = 'tracking'
       UNION SELECT o.id FROM manifest_parcels m JOIN orders o ON o.number = m.order_number WHERE m.tracking_number = ?`,
    )
    .pluck(true);
  // An SSCC is kept twice, bare and with its AI (00): the bare one is the number a person reads.
  const trackingOf = db
    .prepare<[number], string>(
      "SELECT code FROM order_references WHERE order_id = ? AND kind = 'tracking' AND NOT (length(code) = 20 AND code GLOB '00[0-9]*') ORDER BY rowid",
    )
    .pluck(true);
  const bySerial = db.prepare<[string], number>('SELECT DISTINCT order_id FROM shipped_serials WHERE serial = ?').pluck(true);
  const byTerm = db
    .prepare<[string, string, number], number>('SELECT DISTINCT order_id FROM order_search_terms WHERE term >= ? AND term < ? ORDER BY order_id DESC LIMIT ?')
    .pluck(true);
  const hasTerm = db
    .prepare<[number, string, string], number>('SELECT 1 FROM order_search_terms WHERE order_id = ? AND term >= ? AND term < ? LIMIT 1')
    .pluck(true);
  const byExactTerm = db.prepare<[string, number], number>('SELECT order_id FROM order_search_terms WHERE term = ? ORDER BY order_id DESC LIMIT ?').pluck(true);

  return {
    shipments: (orderId) =>
      shipments.all(orderId).map((r): ShipmentRecord => ({
        sessionId: r.id,
        stationId: r.station_id,
        packerId: r.user_id,
        completedAt: r.completed_at,
        state: JSON.parse(r.state) as PackingState,
      })),
    linkReturnLabel: (tracking, orderId, carrier, at) => void linkReturnLabel.run(tracking.trim(), orderId, carrier, at),
    lookups: {
      byReturnLabel: (tracking) => byReturnLabel.all(tracking.trim()),
      byTracking: (code) => byTracking.all(code.trim(), code.trim()),
      bySerial: (serial) => bySerial.all(serial.trim()),
      trackingOf: (orderId) => trackingOf.all(orderId),
      byCustomer(words, limit) {
        if (words.length === 0) return [];
        // The longest word narrows most; the others must each start a term of the same order.
        const [first, ...rest] = [...words].sort((a, b) => b.length - a.length);
        const found: number[] = [];
        for (const orderId of byTerm.all(...prefixRange(first!), limit * 20)) {
          if (rest.every((word) => hasTerm.get(orderId, ...prefixRange(word)) !== undefined)) found.push(orderId);
          if (found.length >= limit) break;
        }
        return found;
      },
      byEmail: (email, limit) => byExactTerm.all(email.trim().toLowerCase(), limit),
    },
  };
}
