import { describe, expect, it } from 'vitest';
import type { StationFixture } from '../../../support/station-fixture';
import { DESK, gradedReturn as openReturn, ok } from './fixture';

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

  it('is journaled by the station’s own sweep with nobody looking, once per return, and the screens are told', async () => {
    const { fx, number } = await openReturn();
    fx.station.returnsHousekeeping();
    expect(missed(fx)).toEqual([]);
    fx.clock.advance(15 * DAY);
    const before = fx.events.length;
    fx.station.returnsHousekeeping();
    fx.station.returnsHousekeeping();
    expect(missed(fx).map((e) => [e.actorId, e.stationId, e.payload])).toEqual([
      [null, 'ST-01', { returnNumber: number, kind: 'refund', lastDay: '2026-12-04', unattended: true }],
    ]);
    const told = fx.events.slice(before).filter((e) => e.name === 'returns.changed');
    expect(told.map((e) => e.payload)).toEqual([{ stationId: null, number, status: 'open' }]);
  });
});
