import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningCentral } from '../../../src/central/central';
import { createHttpConsoleLink } from '../../../src/central-link/console-link';
import { createHttpCentralLink } from '../../../src/central-link/http-link';
import { loadOrCreateStationKey } from '../../../src/journal/key-file';
import { publicKeyText } from '../../../src/platform/request-signature';
import { openDatabase } from '../../../src/storage/db';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { usePostgres } from '../../support/postgres-server';
import { CODES, createStationFixture, order, typedCall, type StationFixture } from '../../support/station-fixture';
import { ok } from './console-fixture';
import { link, openCentral, register, replicate, worker } from './replication-fixtures';

/**
 * The manager's idle gap at central: a station's journal with pauses of five minutes between two
 * scans, replicated to a real central on PostgreSQL. Central asked with the default gap leaves
 * the pauses out; asked with ten minutes it counts them, and its figures (every packer's, one
 * packer's, the trend) equal the station's own with ten minutes for the same journal.
 */
const server = usePostgres();
let central: RunningCentral;
/** Where the packing happened: a station on its own. */
let own: StationFixture;
/** A manager's desk attached to central (its own database, the same people and stations), which packed nothing. */
let desk: StationFixture;

const DAY = { from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' };
const TEN_MINUTES = { idleGapSeconds: 600 };

beforeAll(async () => {
  central = await openCentral(await server().createDatabase());
  own = createStationFixture();
  own.store.orders.insertMany([order('PD-200001', 'ready', 'Jan Nowak', [{ sku: 'MUG-01', quantity: 2 }], '2026-11-19T07:00:00Z')]);
  own.scale.start();
  const call = typedCall(own.station);
  const scan = (data: string) => ok(call('scan.submit', { data, symbology: null, source: 'wedge' }));
  const later = (seconds: number) => own.clock.advance(seconds * 1000);
  const finish = async () => {
    later(5);
    await scan('BOX-K1');
    later(5);
    own.scale.setWeight(830);
    await ok(call('pack.weigh', { parcel: 1 }));
    later(5);
    await ok(call('pack.complete', {}));
  };
  // Anna begins PD-100001 the day before and puts it back; Piotr finishes it, pausing five minutes between his scan and the box.
  await scan('PD-P-0001');
  await scan('PD-100001');
  later(10);
  await scan(CODES.mug);
  later(10);
  await ok(call('pack.close', {}));
  own.clock.advance(Date.parse('2026-11-21T09:00:00Z') - own.clock.now().getTime());
  await scan('PD-P-0002');
  await scan('PD-100001');
  later(20);
  await scan(CODES.mug);
  later(295); // and finish() waits five seconds before the box
  await finish();
  // Anna packs PD-200001 alone, five minutes between her two scans.
  later(60);
  await scan('PD-P-0001');
  await scan('PD-200001');
  later(10);
  await scan(CODES.mug);
  later(300);
  await scan(CODES.mug);
  await finish();
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));

  // The station's journal at central, as its replication sends it.
  await register(central, 'OWN', own.dir);
  await replicateOwn();

  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  await central.store.stations.register({ id: 'DESK', name: 'DESK', publicKey: publicKeyText(privateKey) }, new Date());
  desk = createStationFixture({
    central: {
      link: createHttpCentralLink({ url: central.url, stationId: 'DESK', privateKey, timeoutMs: 5000 }),
      console: createHttpConsoleLink({ url: central.url, stationId: 'DESK', privateKey }),
      stationId: 'DESK',
      leaseBatch: 1,
    },
  });
  await ok(typedCall(desk.station)('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
}, 120_000);

afterAll(async () => {
  desk?.close();
  own?.close();
  await central?.close();
});

/** The packing station's journal to central, as its replication sends it. */
async function replicateOwn(): Promise<void> {
  const db = openDatabase(path.join(own.dir, 'packdesk.sqlite'));
  try {
    expect(await replicate(worker(createJournalRows(db), loadOrCreateStationKey(own.dir).publicKey, link(central.url, 'OWN', own.dir)))).toBe('idle');
  } finally {
    db.close();
  }
}

const ownCall = () => typedCall(own.station);
const deskCall = () => typedCall(desk.station);
const id = (badge: string) => own.store.users.byBadge(badge)!.id;
/** A station's orders and central's differ only in the order's id (central has none). */
const withoutIds = <T extends { orderId: number }>(orders: T[]) => orders.map(({ orderId: _orderId, ...rest }) => rest);

describe('the idle gap the manager asked for, at central', () => {
  it("central's figures of every packer leave the five-minute pauses out with the default gap and count them with ten minutes, as the station's own", async () => {
    const byDefault = await ok(deskCall()('stats.packers', DAY));
    expect(byDefault.readFrom).toBe('central');
    expect(byDefault.idleGapSeconds).toBe(180);
    expect(byDefault.total).toMatchObject({ orders: 2, idleGaps: 2, idleSecondsLeftOut: 600 });
    expect(byDefault.total).toEqual((await ok(ownCall()('stats.packers', DAY))).total);

    const longer = await ok(deskCall()('stats.packers', { ...DAY, ...TEN_MINUTES }));
    expect(longer.readFrom).toBe('central');
    expect(longer.idleGapSeconds).toBe(600);
    expect(longer.total).toMatchObject({ orders: 2, idleGaps: 0, idleSecondsLeftOut: 0, activeSeconds: byDefault.total.activeSeconds + 600 });

    const ownLonger = await ok(ownCall()('stats.packers', { ...DAY, ...TEN_MINUTES }));
    expect(ownLonger.readFrom).toBe('station');
    expect(longer.total).toEqual(ownLonger.total);
    expect(longer.packers).toEqual(ownLonger.packers);
    expect(longer.stations).toEqual(ownLonger.stations);
    expect(longer.scoreDistribution).toEqual(ownLonger.scoreDistribution);

    // The payroll export says the gap too.
    const exported = await ok(deskCall()('stats.export', { ...DAY, ...TEN_MINUTES, format: 'json' }));
    const json = JSON.parse(Buffer.from(exported.base64, 'base64').toString('utf8')) as { idleGapSeconds: number; packers: { figures: unknown }[] };
    expect([exported.readFrom, json.idleGapSeconds]).toEqual(['central', 600]);
    expect(json.packers.map((p) => p.figures)).toEqual(ownLonger.packers.map((p) => p.figures));
  });

  it("one packer's figures and the orders behind them: a session begun the day before and shared, read whole, as the station's own", async () => {
    for (const packerId of [id('PD-P-0001'), id('PD-P-0002')]) {
      const byDefault = await ok(deskCall()('stats.packer', { ...DAY, packerId }));
      const longer = await ok(deskCall()('stats.packer', { ...DAY, packerId, ...TEN_MINUTES }));
      const ownLonger = await ok(ownCall()('stats.packer', { ...DAY, packerId, ...TEN_MINUTES }));
      expect([byDefault.readFrom, longer.readFrom, ownLonger.readFrom]).toEqual(['central', 'central', 'station']);
      expect([byDefault.idleGapSeconds, longer.idleGapSeconds]).toEqual([180, 600]);
      expect(byDefault.figures.idleGaps).toBe(1);
      expect(longer.figures).toMatchObject({ idleGaps: 0, activeSeconds: byDefault.figures.activeSeconds + 300 });
      expect(longer.figures).toEqual(ownLonger.figures);
      expect(withoutIds(longer.orders)).toEqual(withoutIds(ownLonger.orders));
      expect([longer.ordersTotal, longer.hourly, longer.scoreDistribution]).toEqual([ownLonger.ordersTotal, ownLonger.hourly, ownLonger.scoreDistribution]);
    }
    // Anna's part of PD-100001 (the day before) is counted with Piotr's: half the order each.
    const anna = await ok(deskCall()('stats.packer', { ...DAY, packerId: id('PD-P-0001'), ...TEN_MINUTES }));
    expect(anna.orders.map((o) => [o.orderNumber, o.share])).toEqual([
      ['PD-200001', 1],
      ['PD-100001', 0.5],
    ]);
  });

  it("the trend's weeks, everyone's and one packer's, as the station's own with the same gap", async () => {
    for (const who of [{}, { packerId: id('PD-P-0002') }]) {
      const query = { weeks: 2, until: DAY.to, ...who };
      const byDefault = await ok(deskCall()('stats.trend', query));
      const longer = await ok(deskCall()('stats.trend', { ...query, ...TEN_MINUTES }));
      const ownLonger = await ok(ownCall()('stats.trend', { ...query, ...TEN_MINUTES }));
      expect([byDefault.readFrom, longer.readFrom, ownLonger.readFrom]).toEqual(['central', 'central', 'station']);
      expect([byDefault.idleGapSeconds, longer.idleGapSeconds, ownLonger.idleGapSeconds]).toEqual([180, 600, 600]);
      expect(longer.weeks).toEqual(ownLonger.weeks);
      expect(longer.weeks.reduce((n, w) => n + w.orders, 0)).toBeGreaterThan(0);
      // The score is expected over active time: with the pauses counted it is lower.
      const scored = (t: typeof longer) => t.weeks.find((w) => w.orders > 0)!.score!;
      expect(scored(longer)).toBeLessThan(scored(byDefault));
    }
  });

  it("shows the fit central scored each station by, the one journaled at that station, not this desk's idea of it", async () => {
    // A refit at the packing station (two sessions: too few, so the defaults, journaled as its fit).
    const fitted = await ok(ownCall()('stats.fit', { days: 30 }));
    expect(fitted).toMatchObject({ stationId: 'ST-01', fallback: 'too_few_sessions', fittedAt: expect.any(String) });
    await replicateOwn();
    const everyone = await ok(deskCall()('stats.packers', DAY));
    const anna = await ok(deskCall()('stats.packer', { ...DAY, packerId: id('PD-P-0001'), ...TEN_MINUTES }));
    for (const answer of [everyone, anna]) {
      expect(answer.readFrom).toBe('central');
      expect(answer.fits).toEqual([fitted]);
    }
  });
});
