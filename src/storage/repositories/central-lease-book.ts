import type { Database } from 'better-sqlite3';
import type { CentralLeaseBook } from '../../app/ports/central';

export function createCentralLeaseBook(db: Database): CentralLeaseBook {
  const all = db.prepare<[], { order_number: string; expires_at: string }>('SELECT order_number, expires_at FROM central_leases ORDER BY order_number');
  const clear = db.prepare('DELETE FROM central_leases');
  const insert = db.prepare<[string, string]>('INSERT INTO central_leases (order_number, expires_at) VALUES (?, ?)');
  const spend = db.prepare<[string]>('DELETE FROM central_leases WHERE order_number = ?');
  const remember = db.prepare<[string, string]>('INSERT OR IGNORE INTO central_untold_completions (order_number, packed_at) VALUES (?, ?)');
  const untold = db.prepare<[], { order_number: string }>('SELECT order_number FROM central_untold_completions ORDER BY packed_at, order_number');
  const told = db.prepare<[string]>('DELETE FROM central_untold_completions WHERE order_number = ?');
  const replace = db.transaction((leases: readonly { orderNumber: string; expiresAt: Date }[]) => {
    clear.run();
    for (const l of leases) insert.run(l.orderNumber, l.expiresAt.toISOString());
  });
  const packed = db.transaction((orderNumber: string, at: string) => {
    spend.run(orderNumber);
    remember.run(orderNumber, at);
  });
  return {
    leases: () => all.all().map((r) => ({ orderNumber: r.order_number, expiresAt: new Date(r.expires_at) })),
    replace: (leases) => replace(leases),
    packed: (orderNumber, at) => packed(orderNumber, at),
    untold: () => untold.all().map((r) => r.order_number),
    told: (orderNumber) => void told.run(orderNumber),
  };
}
