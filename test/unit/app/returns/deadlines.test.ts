import { afterEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../../src/app/pin';
import type { Result } from '../../../../src/contract/errors';
import { CODES, createStationFixture, typedCall, type StationFixture } from '../../../support/station-fixture';

let f: StationFixture | null = null;
afterEach(() => f?.close());

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(f?.logs.filter((l) => l.level === 'error'))}`);
  return result.value;
}

const DESK = { stationId: 'ST-03' };

/** Anna packs PD-200001 (two mugs, a phone with SN-500); Rita takes it back at ST-03, whose printers are its PDF folder. */
async function openReturn() {
  f = createStationFixture();
  const fx = f;
  fx.store.stations.upsert({ id: 'ST-03', name: 'Zwroty', language: 'pl', idleLogoutMinutes: 15, kind: 'returns' });
  fx.store.users.insert({ name: 'Rita Returns', role: 'returns', badgeCode: 'PD-R-0001', pinHash: hashPin('1111'), language: null });
  fx.store.orders.insertMany([
    {
      number: 'PD-200001',
      externalId: null,
      status: 'ready',
      customerName: 'Grażyna Wróbel',
      shipTo: { name: 'Grażyna Wróbel', company: null, street: 'ul. Polna 1', city: 'Gdańsk', postcode: '80-001', country: 'PL', phone: null, email: null },
      carrierCode: 'inpost',
      service: 'locker',
      note: null,
      createdAt: '2026-11-19T12:00:00Z',
      lines: [
        { sku: 'MUG-01', quantity: 2 },
        { sku: 'PHONE-01', quantity: 1 },
      ],
    },
  ]);
  const call = typedCall(fx.station);
  const scan = (data: string, options?: { stationId: string }) => call('scan.submit', { data, symbology: null, source: 'wedge' }, options);
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(call('settings.packing', { requireWeight: false }));
  await ok(scan('PD-P-0001'));
  await ok(scan('PD-200001'));
  for (const code of [CODES.mug, CODES.mug, CODES.phone, 'SN-500', 'BOX-K1']) await ok(scan(code));
  await ok(call('pack.complete', {}));
  await ok(scan('PD-R-0001', DESK));
  const { number } = await ok(call('returns.open', { orderNumber: 'PD-200001', type: 'withdrawal' }, DESK));
  const mug = await ok(call('returns.item.scan', { number, code: CODES.mug }, DESK));
  await ok(call('returns.item.grade', { number, itemId: mug.itemId, condition: 'damaged', reasonCode: 'damaged_in_transit' }, DESK));
  const phone = await ok(call('returns.item.scan', { number, code: CODES.phone, serial: 'SN-500' }, DESK));
  await ok(call('returns.item.grade', { number, itemId: phone.itemId, condition: 'unopened', disposition: 'restock' }, DESK));
  return { fx, call, number };
}

const DAY = 24 * 60 * 60_000;
const missed = (fx: StationFixture) => fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).filter((e) => e.type === 'returns.deadline_missed');

describe('a deadline that passes while nobody touches the return', () => {
  it('is journaled as missed when the list is next read, once, and closing later does not journal it again', async () => {
    const { fx, call, number } = await openReturn();
    await ok(call('returns.list', {}, DESK));
    expect(missed(fx)).toEqual([]);
    // The refund is due by 2026-12-04 (Warsaw); the clock stands at 2026-11-20 08:00 UTC.
    // Idle logins end: Rita badges in again after each wait.
    const badge = () => ok(call('scan.submit', { data: 'PD-R-0001', symbology: null, source: 'wedge' }, DESK));
    fx.clock.advance(14 * DAY + 14 * 60 * 60_000);
    await badge();
    await ok(call('returns.list', {}, DESK));
    expect(missed(fx)).toEqual([]);
    fx.clock.advance(2 * 60 * 60_000);
    await badge();
    const list = await ok(call('returns.list', { overdue: true }, DESK));
    expect(list.returns.map((r) => r.number)).toEqual([number]);
    expect(missed(fx).map((e) => [e.actorId, e.payload])).toEqual([[null, { returnNumber: number, kind: 'refund', lastDay: '2026-12-04', unattended: true }]]);
    await ok(call('returns.list', {}, DESK));
    await ok(call('returns.decide', { number, refund: null }, DESK));
    await ok(call('returns.close', { number }, DESK));
    expect(missed(fx)).toHaveLength(1);
    expect(fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).filter((e) => e.type === 'returns.deadline_met')).toEqual([]);
  });
});
