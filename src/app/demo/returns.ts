/**
 * The demo's returns desk, alive from the first start: returns in every state (just arrived,
 * graded, awaiting its refund, a complaint answered, closed with a packing error put back on its
 * packer, a refund and a complaint answer overdue) and parcels that are not ours (held, held past
 * their day, sent back). Made through the desk's own flows with a clock set to when each step
 * happened, so every step has its journal entry as at a real desk. It joins the seeding's transaction.
 */
import type { Clock, Logger } from '../ports';
import type { Journal } from '../ports/journal';
import type { ReturnsRepository } from '../ports/returns';
import type { NewOrder, Store } from '../ports/store';
import type { CallContext } from '../context';
import { EventStream } from '../events';
import { close, decide } from '../returns/decide';
import { ReturnsDesk } from '../returns/desk';
import { gradeItem, scanItem } from '../returns/items';
import { notOursHandlers } from '../returns/not-ours';
import { openReturn } from '../returns/open';
import { localDateOf } from '../../domain/returns/calendar';

const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;
const HANDLER = 'PD-R-0001';
const DESK = 'ST-03';

export interface DemoReturnsOptions {
  journal: (clock: Clock) => Journal;
  returns: ReturnsRepository;
  now: Date;
}

export interface DemoReturnsCounts {
  returns: number;
  notOurs: number;
}

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * Last month's two orders the overdue returns belong to: shipped before the week the demo's
 * orders span, so their deadlines can have passed. Copies of a shipped order's customer and lines.
 */
function lastMonthsOrders(like: NewOrder, now: Date): NewOrder[] {
  return [25, 21].map((daysAgo, i) => ({
    ...like,
    number: `PD-09999${8 + i}`,
    externalId: null,
    status: 'shipped',
    createdAt: new Date(now.getTime() - daysAgo * DAY).toISOString(),
  }));
}

export function seedReturns(store: Store, orders: readonly NewOrder[], options: DemoReturnsOptions): DemoReturnsCounts {
  const handler = store.users.byBadge(HANDLER);
  if (!handler || !store.stations.get(DESK)) return { returns: 0, notOurs: 0 };
  // Orders whose every item can be scanned back plainly: returnable, neither serial nor lot, no kits.
  const plain = orders.filter(
    (o) =>
      o.status === 'shipped' &&
      o.lines.every((l) => {
        const product = store.catalog.productBySku(l.sku);
        return product !== null && product.returnable && product.tracking === 'none' && !product.isKit;
      }),
  );
  if (plain.length < 5) return { returns: 0, notOurs: 0 };
  const older = lastMonthsOrders(plain[0]!, options.now);
  store.orders.insertMany(older);

  let moment = options.now.getTime();
  const clock: Clock = { now: () => new Date(moment) };
  const at = (ms: number) => (moment = ms);
  const desk = new ReturnsDesk({
    store,
    journal: options.journal(clock),
    clock,
    logger: quiet,
    events: new EventStream(),
    stationId: DESK,
    returns: options.returns,
    shop: null,
  });
  const call: CallContext = { stationId: DESK, client: { key: 'demo-seeding' }, login: null, user: handler };
  const codeOf = (sku: string) => {
    const product = store.catalog.productBySku(sku)!;
    return store.catalog.barcodesOf(product.id)[0]?.code ?? sku;
  };
  /** Opens a return of the whole first line of an order, graded as said, `daysAgo` before now. */
  const taken = (order: NewOrder, daysAgo: number, type: 'withdrawal' | 'complaint', grade: Grade | null, declaredDaysAgo?: number) => {
    at(options.now.getTime() - daysAgo * DAY);
    const zone = desk.zoneOf(DESK);
    const declaredOn = declaredDaysAgo === undefined ? undefined : localDateOf(new Date(options.now.getTime() - declaredDaysAgo * DAY), zone);
    const view = openReturn(desk, call, { orderNumber: order.number, type, identifiedBy: `RET-${order.number}`, ...(declaredOn ? { declaredOn } : {}) });
    if (!grade) return view.number;
    const line = order.lines[0]!;
    for (let unit = 0; unit < line.quantity; unit++) {
      moment += 40_000;
      const scanned = scanItem(desk, call, { number: view.number, code: codeOf(line.sku), symbology: null, quantity: 1 });
      moment += 30_000;
      gradeItem(desk, call, { number: view.number, itemId: scanned.itemId, ...grade });
    }
    return view.number;
  };
  /** The refund the desk suggests (what the customer paid for the accepted items), cut by `cut` of it when the handler changed it. */
  const refund = (number: string, cut = 0) => {
    const suggested = desk.view(desk.record(number), call).suggestedRefund ?? { amountMinor: 0, currency: 'PLN' };
    return { refund: { amountMinor: Math.round(suggested.amountMinor * (1 - cut)), currency: suggested.currency }, outcome: null, reason: null };
  };

  const [justArrived, graded, awaiting, answered, closed] = plain;
  let returns = 0;
  // Arrived this morning: identified and opened, nothing graded yet.
  taken(justArrived!, 0.1, 'withdrawal', null);
  returns++;
  // Graded yesterday, waiting for its decision.
  taken(graded!, 1, 'withdrawal', { condition: 'opened', disposition: 'restock', reasonCode: 'wrong_size' });
  returns++;
  // Decided two days ago: the refund is yet to be paid.
  const awaitingNumber = taken(awaiting!, 3, 'withdrawal', { condition: 'unopened', disposition: 'restock', reasonCode: 'changed_mind' });
  moment += HOUR;
  decide(desk, call, { number: awaitingNumber, ...refund(awaitingNumber) });
  returns++;
  // A complaint answered with a repair.
  const answeredNumber = taken(answered!, 2, 'complaint', {
    condition: 'damaged',
    disposition: 'refurbish',
    reasonCode: 'defective',
    note: 'Pęknięta obudowa.',
  });
  moment += 2 * HOUR;
  decide(desk, call, { number: answeredNumber, refund: null, outcome: 'repair', reason: null });
  returns++;
  // Closed: damaged through poor packing, confirmed, so it counts against the packer who shipped it.
  const closedNumber = taken(closed!, 4, 'withdrawal', {
    condition: 'damaged',
    disposition: 'scrap',
    reasonCode: 'damaged_poor_packing',
    packingErrorConfirmed: true,
    note: 'Bez wypełnienia w kartonie.',
  });
  moment += HOUR;
  // Damaged: the handler took a fifth off the suggested refund, which the journal keeps as a change.
  decide(desk, call, { number: closedNumber, ...refund(closedNumber, 0.2), reason: 'Produkt uszkodzony, zwrot pomniejszony.' });
  moment += DAY;
  close(desk, call, closedNumber);
  returns++;
  // Overdue: a withdrawal whose refund fell due yesterday, and a complaint e-mailed 16 days ago and never answered.
  taken(older[0]!, 16, 'withdrawal', { condition: 'opened', disposition: 'restock', reasonCode: 'not_as_described' });
  returns++;
  taken(older[1]!, 0.5, 'complaint', null, 16);
  returns++;

  // Parcels that are not ours: one in today, one held past its 30 days, one sent back.
  const parcels = notOursHandlers(desk.deps, desk);
  const record = (daysAgo: number, sender: { name: string; address: string }, tracking: string) => {
    at(options.now.getTime() - daysAgo * DAY);
    return parcels['returns.notOurs.record']({ sender, carrier: 'inpost', tracking }, call) as { number: string };
  };
  record(0.2, { name: 'Marta Sikora', address: 'ul. Lipowa 7, 31-001 Kraków' }, '620000000000000000000001');
  record(35, { name: 'Hurtownia Elektro-Max', address: 'ul. Przemysłowa 12, 60-101 Poznań' }, '620000000000000000000002');
  const sent = record(9, { name: 'Paweł Mazur', address: 'ul. Słoneczna 3, 80-001 Gdańsk' }, '620000000000000000000003');
  moment += 2 * DAY;
  parcels['returns.notOurs.resolve']({ number: sent.number, outcome: 'sent_back', note: 'Odesłano do nadawcy.' }, call);
  return { returns, notOurs: 3 };
}

type Grade = Omit<Parameters<typeof gradeItem>[2], 'number' | 'itemId'>;
