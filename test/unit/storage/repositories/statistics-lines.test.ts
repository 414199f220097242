import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/contract/errors';
import { createStatisticsSource } from '../../../../src/storage/repositories/statistics';
import { CODES, createStationFixture, typedCall, type StationFixture } from '../../../support/station-fixture';

let f: StationFixture;
let call: ReturnType<typeof typedCall>;
beforeEach(() => {
  f = createStationFixture();
  call = typedCall(f.station);
  f.scale.start();
});
afterEach(() => f.close());

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
const scan = (data: string) => ok(call('scan.submit', { data, symbology: null, source: 'wedge' }));

/** A packer packs PD-100001 (two mugs, one box, weighed) and completes it. */
async function packTwoMugs(): Promise<void> {
  await scan('PD-P-0001');
  await scan('PD-100001');
  await scan(CODES.mug);
  await scan(CODES.mug);
  await scan('BOX-K1');
  f.scale.setWeight(830);
  await ok(call('pack.weigh', { parcel: 1 }));
  await ok(call('pack.complete', {}));
}

describe("the station's statistics read a session's order lines", () => {
  it('as its completion carries them: what the catalogue said when it was packed, as central counts them', async () => {
    await packTwoMugs();
    const packed = [{ productId: 1, sku: 'MUG-01', quantity: 2, kit: false, unitGrams: 350, fragile: false }];
    const period = { from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' };
    const db = new Database(path.join(f.dir, 'packdesk.sqlite'));
    try {
      expect(
        createStatisticsSource(db)
          .completedSessions(period)
          .map((s) => s.lines),
      ).toEqual([packed]);
      // The catalogue and the order change afterwards: the session stays counted as it was packed.
      db.exec("UPDATE products SET weight_grams = 6000, is_kit = 1 WHERE sku = 'MUG-01'; UPDATE order_lines SET quantity = 5");
      expect(
        createStatisticsSource(db)
          .completedSessions(period)
          .map((s) => s.lines),
      ).toEqual([packed]);
    } finally {
      db.close();
    }
  });

  it('both ways for an order completed once before completions recorded lines and once after', async () => {
    // An older completion of PD-100001, as a station before the upgrade wrote it: no lines.
    f.journal.append({ type: 'pack.opened', stationId: 'ST-01', actorId: 1, subject: { kind: 'order', id: 'PD-100001' }, payload: { sessionId: 90 } });
    f.journal.append({ type: 'pack.completed', stationId: 'ST-01', actorId: 1, subject: { kind: 'order', id: 'PD-100001' }, payload: { sessionId: 90 } });
    await packTwoMugs();
    const db = new Database(path.join(f.dir, 'packdesk.sqlite'));
    try {
      db.exec("UPDATE products SET weight_grams = 400 WHERE sku = 'MUG-01'");
      const sessions = createStatisticsSource(db).completedSessions({ from: '2000-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' });
      expect(sessions.map((s) => [s.sessionId, s.lines.map((l) => [l.sku, l.quantity, l.unitGrams])])).toEqual([
        // The older one from the catalogue as it is now; the newer as its completion recorded it.
        [90, [['MUG-01', 2, 400]]],
        [expect.any(Number), [['MUG-01', 2, 350]]],
      ]);
    } finally {
      db.close();
    }
  });
});
