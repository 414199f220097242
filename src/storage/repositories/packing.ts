import type { Database } from 'better-sqlite3';
import type { PackingRepository, PackingRules, PackingSessionRecord } from '../../app/ports/packing';
import type { PackingState } from '../../domain/packing';

interface SessionRow {
  id: number;
  order_id: number;
  station_id: string;
  user_id: number;
  status: 'open' | 'completed';
  state: string;
  opened_at: string;
  updated_at: string;
}

interface RulesRow {
  bulk_threshold: number;
  tolerance_grams: number;
  tolerance_percent: number;
  require_weight: number;
}

/** Until a manager changes them: bulk from 10 units, ±50 g or ±5 %, weighing required. */
const DEFAULT_RULES: PackingRules = { bulkThreshold: 10, toleranceGrams: 50, tolerancePercent: 5, requireWeight: true };

function toRecord(row: SessionRow): PackingSessionRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    stationId: row.station_id,
    userId: row.user_id,
    status: row.status,
    state: JSON.parse(row.state) as PackingState,
    openedAt: row.opened_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The order open at a station: its open session whose order the station holds the lock of. Read
 * from the station's locks (one while it packs), not from its open sessions, which keep every
 * order put back there with its progress: asked at every scan, it must not grow with them.
 * CROSS JOIN keeps SQLite's planner from starting at the sessions.
 */
export const ACTIVE_SESSION_SQL = `SELECT s.id, s.order_id, s.station_id, s.user_id, s.status, s.state, s.opened_at, s.updated_at
  FROM order_locks l CROSS JOIN packing_sessions s ON s.order_id = l.order_id AND s.station_id = l.station_id AND s.status = 'open'
  WHERE l.station_id = ? ORDER BY s.updated_at DESC LIMIT 1`;

export function createPackingRepository(db: Database): PackingRepository {
  const columns = 'id, order_id, station_id, user_id, status, state, opened_at, updated_at';
  const openFor = db.prepare<[number], SessionRow>(`SELECT ${columns} FROM packing_sessions WHERE order_id = ? AND status = 'open'`);
  const activeAt = db.prepare<[string], SessionRow>(ACTIVE_SESSION_SQL);
  const insert = db.prepare<[{ orderId: number; stationId: string; userId: number; state: string; at: string }]>(
    `INSERT INTO packing_sessions (order_id, station_id, user_id, status, state, opened_at, updated_at)
     VALUES (@orderId, @stationId, @userId, 'open', @state, @at, @at)`,
  );
  const save = db.prepare<[string, string, number]>('UPDATE packing_sessions SET state = ?, updated_at = ? WHERE id = ?');
  const reassign = db.prepare<[string, number, string, number]>('UPDATE packing_sessions SET station_id = ?, user_id = ?, updated_at = ? WHERE id = ?');
  const complete = db.prepare<[{ state: string; at: string; id: number }]>(
    "UPDATE packing_sessions SET state = @state, status = 'completed', updated_at = @at, completed_at = @at WHERE id = @id",
  );
  const serialShipped = db.prepare<[number, string], { found: number }>('SELECT 1 AS found FROM shipped_serials WHERE product_id = ? AND serial = ?');
  const insertSerial = db.prepare<[number, string, number, number]>(
    'INSERT INTO shipped_serials (product_id, serial, order_id, session_id) VALUES (?, ?, ?, ?)',
  );
  const rules = db.prepare<[string], RulesRow>(
    'SELECT bulk_threshold, tolerance_grams, tolerance_percent, require_weight FROM station_packing_rules WHERE station_id = ?',
  );
  const saveRules = db.prepare<[string, number, number, number, number]>(
    `INSERT INTO station_packing_rules (station_id, bulk_threshold, tolerance_grams, tolerance_percent, require_weight) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (station_id) DO UPDATE SET bulk_threshold = excluded.bulk_threshold, tolerance_grams = excluded.tolerance_grams,
       tolerance_percent = excluded.tolerance_percent, require_weight = excluded.require_weight`,
  );
  const getById = db.prepare<[number | bigint], SessionRow>(`SELECT ${columns} FROM packing_sessions WHERE id = ?`);

  return {
    openFor: (orderId) => {
      const row = openFor.get(orderId);
      return row ? toRecord(row) : null;
    },
    activeAt: (stationId) => {
      const row = activeAt.get(stationId);
      return row ? toRecord(row) : null;
    },
    create: (s) => {
      const { lastInsertRowid } = insert.run({ orderId: s.orderId, stationId: s.stationId, userId: s.userId, state: JSON.stringify(s.state), at: s.openedAt });
      return toRecord(getById.get(lastInsertRowid)!);
    },
    save: (id, state, at) => void save.run(JSON.stringify(state), at, id),
    reassign: (id, stationId, userId, at) => void reassign.run(stationId, userId, at, id),
    complete: (id, state, at) => void complete.run({ state: JSON.stringify(state), at, id }),
    serialShipped: (productId, serial) => serialShipped.get(productId, serial) !== undefined,
    recordShippedSerials: (serials) => {
      for (const s of serials) insertSerial.run(s.productId, s.serial, s.orderId, s.sessionId);
    },
    rules: (stationId) => {
      const row = rules.get(stationId);
      if (!row) return DEFAULT_RULES;
      return {
        bulkThreshold: row.bulk_threshold,
        toleranceGrams: row.tolerance_grams,
        tolerancePercent: row.tolerance_percent,
        requireWeight: row.require_weight === 1,
      };
    },
    saveRules: (stationId, r) => void saveRules.run(stationId, r.bulkThreshold, r.toleranceGrams, r.tolerancePercent, r.requireWeight ? 1 : 0),
  };
}
