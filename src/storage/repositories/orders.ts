import type { Database } from 'better-sqlite3';
import type { OrderRepository } from '../../app/ports/store';
import type { Order } from '../../domain/order';
import { completedLinesPayload } from '../../domain/statistics';
import { StationFailure } from '../../contract/errors';
import { createOrderImport } from './order-import';
import { createSummaryReaders } from './order-queue';
import { LINE_ROW_COLUMNS, toStatsLines, type LineRow } from './order-lines';
import { ORDER_COLUMNS, ORDER_LINE_COLUMNS, toOrder, type OrderLineRow, type OrderRow } from './order-rows';

export function createOrderRepository(db: Database, clock: () => Date): OrderRepository {
  const byId = db.prepare<[number], OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = ?`);
  const byNumber = db.prepare<[string], OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE number = ?`);
  const byReference = db.prepare<[string], OrderRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = (SELECT order_id FROM order_references WHERE code = ?)`);
  const linesOf = db.prepare<[number], OrderLineRow>(`SELECT ${ORDER_LINE_COLUMNS} FROM order_lines WHERE order_id = ? ORDER BY position`);
  // The same lines and catalogue marks the statistics read (order-lines.ts).
  const statisticsLines = db.prepare<[number], LineRow>(
    `SELECT ${LINE_ROW_COLUMNS}
     FROM order_lines l LEFT JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.position`,
  );
  const setStatus = db.prepare<[string, string, number]>('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?');
  const openAt = db.prepare<[number], { station_id: string }>('SELECT station_id FROM order_locks WHERE order_id = ?');
  const exists = db.prepare<[number], { id: number }>('SELECT id FROM orders WHERE id = ?');
  // Takes the lock, or refreshes it when this station already holds it; never steals it.
  const lock = db.prepare<[{ order_id: number; station_id: string; user_id: number; locked_at: string }]>(
    `INSERT INTO order_locks (order_id, station_id, user_id, locked_at) VALUES (@order_id, @station_id, @user_id, @locked_at)
     ON CONFLICT (order_id) DO UPDATE SET user_id = excluded.user_id, locked_at = excluded.locked_at
     WHERE order_locks.station_id = excluded.station_id`,
  );
  const unlock = db.prepare<[number, string]>('DELETE FROM order_locks WHERE order_id = ? AND station_id = ?');
  const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM orders');
  const unlockStation = db.prepare<[string, number]>('DELETE FROM order_locks WHERE station_id = ? AND order_id <> ?');
  const locks = db.prepare<[], { orderId: number; orderNumber: string; customerName: string; stationId: string; userId: number; lockedAt: string }>(
    `SELECT l.order_id AS orderId, o.number AS orderNumber, o.customer_name AS customerName, l.station_id AS stationId, l.user_id AS userId,
            l.locked_at AS lockedAt
     FROM order_locks l JOIN orders o ON o.id = l.order_id ORDER BY l.locked_at, l.order_id`,
  );
  const summaries = createSummaryReaders(db);
  const insertMany = createOrderImport(db, clock);

  const withLines = (row: OrderRow | undefined): Order | null => (row ? toOrder(row, linesOf.all(row.id)) : null);

  const lockOrder = db.transaction((orderId: number, stationId: string, userId: number, at: string) => {
    if (!exists.get(orderId)) throw new StationFailure('ORDER_NOT_FOUND', `There is no order with id ${orderId}.`, { orderId });
    if (lock.run({ order_id: orderId, station_id: stationId, user_id: userId, locked_at: at }).changes === 0) {
      const holder = openAt.get(orderId)?.station_id ?? '';
      throw new StationFailure('ORDER_OPEN_ELSEWHERE', `The order is open at station ${holder}.`, { station: holder });
    }
  });

  return {
    queue: (query) => summaries.queue(query),
    list: (query) => summaries.list(query),
    byId: (id) => withLines(byId.get(id)),
    byNumber: (number) => withLines(byNumber.get(number.trim())),
    byReference: (code) => withLines(byReference.get(code.trim())),
    statisticsLines: (orderId) => completedLinesPayload(toStatsLines(statisticsLines.all(orderId))),
    setStatus(id, status) {
      if (setStatus.run(status, clock().toISOString(), id).changes === 0) {
        throw new StationFailure('ORDER_NOT_FOUND', `There is no order with id ${id}.`, { orderId: id });
      }
    },
    openAt: (orderId) => openAt.get(orderId)?.station_id ?? null,
    lock(orderId, stationId, userId, at) {
      lockOrder(orderId, stationId, userId, at);
    },
    unlock(orderId, stationId) {
      unlock.run(orderId, stationId);
    },
    locks: () => locks.all(),
    unlockStation(stationId, exceptOrderId) {
      // Order ids start at 1, so -1 excludes nothing.
      unlockStation.run(stationId, exceptOrderId ?? -1);
    },
    count: () => count.get()!.n,
    insertMany,
  };
}
