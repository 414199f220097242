import type { Clock } from '../ports';
import type { Journal, NewJournalEntry } from '../ports/journal';
import type { NewOrder, Store } from '../ports/store';
import { SeededRandom } from './random';

/** The demo's packed past: how many of the shop's shipped orders get one, at most. */
export const HISTORY_MAX_ORDERS = 300;
const HISTORY_SEED = 7_070_707;
const PACKERS = ['PD-P-0001', 'PD-P-0002', 'PD-P-0003', 'PD-P-0004', 'PD-P-0005'];
const MANAGER = 'PD-M-0001';
const STATIONS = ['ST-01', 'ST-02'];
const BOXES = ['K1', 'K2', 'K3'];
const MINUTE = 60_000;

export interface HistoryOptions {
  /** The journal, made with the clock it is handed: history is written at the times it happened. */
  journal: (clock: Clock) => Journal;
  now: Date;
}

export interface HistoryCounts {
  orders: number;
  entries: number;
}

/**
 * Writes, through the real journal, how the demo shop's shipped orders were packed at ST-01 and
 * ST-02 over the past week: every scan with its verdict, a wrong item caught and acknowledged, a
 * duplicate serial refused, a manager's override with its reason, the box, the weight and the
 * completion. The same orders always give the same history. It joins the caller's transaction.
 */
export function seedHistory(store: Store, orders: readonly NewOrder[], options: HistoryOptions): HistoryCounts {
  const shipped = orders.filter((o) => o.status === 'shipped').slice(0, HISTORY_MAX_ORDERS);
  const packers = PACKERS.map((badge) => store.users.byBadge(badge)).filter((u) => u !== null);
  const manager = store.users.byBadge(MANAGER);
  if (shipped.length === 0 || packers.length === 0 || !manager) return { orders: 0, entries: 0 };

  let moment = 0;
  const journal = options.journal({ now: () => new Date(moment) });
  const random = new SeededRandom(HISTORY_SEED);
  const latest = options.now.getTime() - 30 * MINUTE;
  // Packed after they came in, in the order they came in, so the journal's times only go forward.
  const planned = shipped
    .map((order) => ({ order, at: Math.min(Date.parse(order.createdAt) + random.int(20, 240) * MINUTE, latest) }))
    .sort((a, b) => a.at - b.at);

  const tares = new Map(store.catalog.boxes().map((b) => [b.code, b.tareGrams]));
  let entries = 0;
  const shippedSerials = new Set<string>();
  planned.forEach(({ order, at }, index) => {
    const packer = packers[index % packers.length]!;
    const stationId = STATIONS[index % STATIONS.length]!;
    moment = Math.max(moment + 1000, at);
    // Written after the shop's orders: the completion carries the stored order's lines, as a packed one does.
    const placed = store.orders.byNumber(order.number);
    if (!placed) throw new Error(`demo history: order ${order.number} is not in the database`);
    const write = (type: string, payload: Record<string, unknown>, actorId = packer.id) => {
      moment += random.int(3, 14) * 1000;
      const entry: NewJournalEntry = { type, stationId, actorId, subject: { kind: 'order', id: order.number }, payload };
      journal.append(entry);
      entries++;
    };

    write('pack.opened', { demo: true, units: order.lines.reduce((n, l) => n + l.quantity, 0) });
    const scans = order.lines.flatMap((line) => Array.from({ length: line.quantity }, (_, unit) => ({ sku: line.sku, last: unit === line.quantity - 1 })));
    // A few orders carry the mistakes a manager looks for: which one is fixed by its place.
    const wrongItemAt = index % 7 === 0 ? Math.floor(scans.length / 2) : -1;
    let grams = 0;
    scans.forEach((scan, i) => {
      const product = store.catalog.productBySku(scan.sku);
      const code = product ? (store.catalog.barcodesOf(product.id)[0]?.code ?? scan.sku) : scan.sku;
      grams += product?.weightGrams ?? 100;
      if (i === wrongItemAt) {
        const other = orders.find((o) => o !== order)?.lines[0]?.sku ?? scan.sku;
        write('pack.scan', { raw: other, symbology: null, source: 'wedge', verdict: 'wrong_item', lineId: null, sku: other, units: 0 });
        write('pack.acknowledged', { cleared: 'wrong_item' });
      }
      const verdict = i === scans.length - 1 ? 'order_complete' : scan.last ? 'line_complete' : 'accepted';
      if (product?.tracking !== 'serial') {
        write('pack.scan', {
          raw: code,
          symbology: code === scan.sku ? null : 'ean13',
          source: 'wedge',
          verdict,
          lineId: null,
          sku: scan.sku,
          units: 1,
          parcel: 1,
        });
        return;
      }
      write('pack.scan', { raw: code, symbology: 'ean13', source: 'wedge', verdict: 'serial_required', lineId: null, sku: scan.sku, units: 0 });
      const used = [...shippedSerials][0];
      if (used && shippedSerials.size === 1) {
        // The one serial shipped before comes round again: refused, acknowledged, the right one scanned.
        write('pack.scan', { raw: used, symbology: null, source: 'wedge', verdict: 'duplicate_serial', lineId: null, sku: scan.sku, units: 0 });
        write('pack.acknowledged', { cleared: 'duplicate_serial' });
      }
      const serial = `SN${order.number.replace(/\D/g, '')}${String(i).padStart(2, '0')}`;
      shippedSerials.add(serial);
      write('pack.scan', { raw: serial, symbology: null, source: 'wedge', verdict, lineId: null, sku: scan.sku, units: 1, serial, parcel: 1 });
    });

    const box = BOXES[Math.min(BOXES.length - 1, Math.floor(scans.length / 3))]!;
    const tareGrams = tares.get(box) ?? 150;
    write('pack.parcel.box', { parcel: 1, box, tareGrams });
    const overridden = index === 2;
    // The overridden parcel is heavier than its contents should weigh, and the manager says why.
    const weighed = grams + tareGrams + (overridden ? 420 : random.int(-20, 20));
    write('pack.weighed', { parcel: 1, grams: weighed, source: 'scale', withinTolerance: !overridden });
    if (overridden) {
      const reason = 'Heavier than expected: the customer asked for extra padding. Contents checked by me.';
      write('pack.override', { kind: 'force_complete', managerId: manager.id, manager: manager.name, reason }, manager.id);
    }
    write('pack.completed', {
      status: 'shipped',
      parcels: [{ no: 1, box, grams: weighed, units: scans.length }],
      backordered: [],
      handedTo: [],
      overrides: overridden ? 1 : 0,
      lines: store.orders.statisticsLines(placed.id),
    });
  });
  return { orders: planned.length, entries };
}
