import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';

let f: StationFixture;
beforeEach(() => {
  f = createStationFixture();
});
afterEach(() => f.close());

describe('station.health', () => {
  it('answers without a login: version, station, time and how far the journal goes', async () => {
    const call = typedCall(f.station);
    const before = await call('station.health', {});
    expect(before).toEqual({ ok: true, value: { version: '1.2.3', stationId: 'ST-01', time: '2026-11-20T08:00:00.000Z', journalEntries: 0 } });
    await call('auth.badge', { badge: 'PD-P-0001' });
    const after = await call('station.health', {}, { stationId: 'ST-02' });
    expect(after.ok && after.value).toMatchObject({ stationId: 'ST-02', journalEntries: 1 });
  });

  it('is passive: polling it does not keep a login from going idle', async () => {
    const call = typedCall(f.station);
    await call('auth.badge', { badge: 'PD-P-0001' });
    for (let i = 0; i < 4; i++) {
      f.clock.advance(5 * 60_000);
      await call('station.health', {});
    }
    expect((await call('queue.list', {})).ok).toBe(false);
  });
});
