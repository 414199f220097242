import { afterEach, describe, expect, it } from 'vitest';
import type { PackingRepository } from '../../../src/app/ports';
import { CODES, createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';

let f: StationFixture | null = null;
afterEach(() => f?.close());

/** A station whose packing repository counts the reads a scan should make once. */
function countingStation() {
  const reads = { activeAt: 0, rules: 0 };
  const counting = (repository: PackingRepository): PackingRepository => ({
    ...repository,
    activeAt: (stationId) => ((reads.activeAt += 1), repository.activeAt(stationId)),
    rules: (stationId) => ((reads.rules += 1), repository.rules(stationId)),
  });
  f = createStationFixture({ packing: counting });
  const call = typedCall(f.station);
  /** One scan through the dispatcher, with what it read. */
  const scan = async (data: string, stationId = 'ST-01') => {
    reads.activeAt = 0;
    reads.rules = 0;
    const result = await call('scan.submit', { data, symbology: null, source: 'wedge' }, { stationId });
    return { outcome: result.ok ? result.value.kind : result.error.code, ...reads };
  };
  return { station: f, scan };
}

describe('scan.submit', () => {
  it('reads the station’s open session and its packing rules once per scan', async () => {
    const { scan } = countingStation();
    expect(await scan('PD-P-0001')).toEqual({ outcome: 'login', activeAt: 0, rules: 0 });
    expect(await scan('PD-100001')).toEqual({ outcome: 'opened', activeAt: 1, rules: 1 });
    expect(await scan(CODES.mug)).toEqual({ outcome: 'scanned', activeAt: 1, rules: 1 });
    expect(await scan('BOX-K1')).toEqual({ outcome: 'scanned', activeAt: 1, rules: 1 });
    expect(await scan('no such code')).toEqual({ outcome: 'scanned', activeAt: 1, rules: 1 });
  });

  it('between orders reads the session once, and not the rules, before a badge logs in again', async () => {
    const { scan } = countingStation();
    await scan('PD-P-0001');
    // Her own badge again: another person's would also end her login, and that puts back her open order (a read of its own).
    expect(await scan('PD-P-0001')).toEqual({ outcome: 'login', activeAt: 1, rules: 0 });
  });

  it('keeps another person’s open order out of reach: their scan is refused, nothing is saved', async () => {
    const { station, scan } = countingStation();
    await scan('PD-P-0001');
    await scan('PD-100001');
    const anna = station.journal.lastSeq();
    // A second client at the same station: the console of ST-01 is Anna's, so Piotr logs in through another.
    const piotr = (data: string) =>
      station.station.dispatch('scan.submit', { data, symbology: null, source: 'wedge' }, { stationId: 'ST-01', client: { key: 'browser:piotr' } });
    expect(await piotr('PD-P-0002')).toMatchObject({ ok: true, value: { kind: 'login' } });
    expect(await piotr(CODES.mug)).toMatchObject({ ok: false, error: { code: 'STATION_BUSY' } });
    expect(station.journal.range(anna + 1, 10).map((e) => e.type)).toEqual(['auth.login']);
  });
});
