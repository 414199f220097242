import type { BootedStation } from '../../boot/station';
import { returnCodeFor } from '../../domain/returns/return-code';
import { percentile, round, type Figure } from './stats';

/**
 * The returns desk's identification (returns.identify through the dispatcher, journal entry
 * included) of a shipped order by its slip's return code, its number, its pick list, the
 * customer's e-mail and surname, and of a scan that matches nothing. Goal: 50 ms at 100,000 orders.
 */
export async function benchReturns(booted: BootedStation, badge: string, calls = 200): Promise<Figure[]> {
  const { station, store } = booted;
  const login = await station.dispatch('auth.badge', { badge });
  if (!login.ok) throw new Error(`bench login failed: ${login.error.message}`);
  const listed = store.orders.list({ status: 'shipped', limit: 1, offset: 0 }).orders[0] ?? store.orders.list({ limit: 1, offset: 0 }).orders[0];
  const order = listed ? store.orders.byId(listed.id) : null;
  if (!order) throw new Error('the benchmark database has no orders');
  const surname = order.customerName.split(/\s+/).at(-1) ?? order.customerName;
  const cases: [string, string][] = [
    ['slip return code', returnCodeFor(order.number)],
    ['order number', order.number],
    ['pick list', `PL-${order.number}`],
    ...(order.shipTo.email ? ([['customer e-mail', order.shipTo.email]] as [string, string][]) : []),
    [`customer name "${surname}"`, surname],
    ['a code that matches nothing', 'NO-SUCH-PARCEL-0000'],
  ];
  const figures: Figure[] = [];
  for (const [what, text] of cases) {
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const started = performance.now();
      const result = await station.dispatch('returns.identify', { text });
      samples.push(performance.now() - started);
      if (!result.ok) throw new Error(result.error.message);
    }
    figures.push({ name: `returns.identify, ${what}: p50`, value: round(percentile(samples, 50), 2), unit: 'ms' });
    figures.push({ name: `returns.identify, ${what}: p99`, value: round(percentile(samples, 99), 2), unit: 'ms', note: 'goal ≤ 50 ms' });
  }
  return figures;
}
