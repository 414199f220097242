import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseBody } from '../../../src/central/parse-body';
import { createHttpConsoleLink } from '../../../src/central-link/console-link';
import { createHttpCentralLink } from '../../../src/central-link/http-link';
import { CENTRAL_CONSOLE_PATHS } from '../../../src/contract/central-console';
import { noFigures } from '../../../src/domain/statistics';
import { createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';
import { ok } from './console-fixture';

/**
 * What the station's link sends central of the manager's idle gap, and what it does with a central
 * older than the field. Central here is a stand-in that records each body and answers as the
 * console routes do: a newer one with the gap it was asked for, an older one with the strict
 * schemas it had (they refuse the field by name) and answers without it. The real central is in
 * idle-gap.test.ts.
 */
const open: { servers: http.Server[]; stations: StationFixture[] } = { servers: [], stations: [] };
afterEach(async () => {
  for (const f of open.stations.splice(0)) f.close();
  for (const s of open.servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

/** The bodies an older central's console routes took (its contract/central-console.ts): strict, no idle gap. */
const instant = z.string().datetime({ offset: true });
const OLDER: Record<string, z.ZodType<unknown>> = {
  [CENTRAL_CONSOLE_PATHS.statistics]: z.object({ from: instant, to: instant }).strict(),
  [CENTRAL_CONSOLE_PATHS.packer]: z.object({ from: instant, to: instant, packerId: z.number().int() }).strict(),
  [CENTRAL_CONSOLE_PATHS.trend]: z
    .object({
      packerId: z.number().int().nullable(),
      weeks: z
        .array(z.object({ from: instant, to: instant }).strict())
        .min(1)
        .max(26),
    })
    .strict(),
};

const answers = (body: Record<string, unknown>) => ({
  [CENTRAL_CONSOLE_PATHS.statistics]: { from: body.from, to: body.to, packers: [], stations: [], total: noFigures(), scoreDistribution: [] },
  [CENTRAL_CONSOLE_PATHS.packer]: { from: body.from, to: body.to, figures: noFigures(), hourly: [], scoreDistribution: [], orders: [], ordersTotal: 0 },
  [CENTRAL_CONSOLE_PATHS.trend]: { weeks: ((body.weeks as { from: string; to: string }[] | undefined) ?? []).map((w) => ({ ...w, figures: noFigures() })) },
});

/** A central stand-in; `older`: its routes know no idle gap. Returns the bodies it was sent, by path. */
async function standIn(older: boolean): Promise<{ url: string; seen: { path: string; body: Record<string, unknown> }[] }> {
  const seen: { path: string; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = req.url as keyof ReturnType<typeof answers>;
      const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      seen.push({ path, body });
      const parsed = older ? parseBody(raw, OLDER[path]!) : ({ ok: true } as const);
      res.setHeader('content-type', 'application/json');
      if (!parsed.ok) {
        res.statusCode = 400;
        res.end(JSON.stringify({ ok: false, error: { code: 'VALIDATION_FAILED', message: parsed.message } }));
        return;
      }
      const value = answers(body)[path];
      res.end(JSON.stringify({ ok: true, value: older ? value : { ...value, idleGapSeconds: body.idleGapSeconds ?? 180 } }));
    });
  });
  open.servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** A manager at a station attached to the stand-in. */
async function managerAt(url: string) {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const f = createStationFixture({
    central: {
      link: createHttpCentralLink({ url, stationId: 'DESK', privateKey, timeoutMs: 2000 }),
      console: createHttpConsoleLink({ url, stationId: 'DESK', privateKey }),
      stationId: 'DESK',
      leaseBatch: 1,
    },
  });
  open.stations.push(f);
  const call = typedCall(f.station);
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  return { f, call };
}

const DAY = { from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z' };

describe("the manager's idle gap on the station's link to central", () => {
  it('is sent with each statistics read when it is not the default, and the answer says the gap central counted', async () => {
    const central = await standIn(false);
    const { call } = await managerAt(central.url);
    const all = await ok(call('stats.packers', { ...DAY, idleGapSeconds: 600 }));
    const one = await ok(call('stats.packer', { ...DAY, packerId: 1, idleGapSeconds: 900 }));
    const trend = await ok(call('stats.trend', { weeks: 2, until: DAY.to, idleGapSeconds: 1200 }));
    expect([all.readFrom, one.readFrom, trend.readFrom]).toEqual(['central', 'central', 'central']);
    expect([all.idleGapSeconds, one.idleGapSeconds, trend.idleGapSeconds]).toEqual([600, 900, 1200]);
    expect(central.seen.map((s) => [s.path, s.body.idleGapSeconds])).toEqual([
      [CENTRAL_CONSOLE_PATHS.statistics, 600],
      [CENTRAL_CONSOLE_PATHS.packer, 900],
      [CENTRAL_CONSOLE_PATHS.trend, 1200],
    ]);
    // The default gap, asked or not, is not sent: the request every central answers.
    await ok(call('stats.packers', { ...DAY, idleGapSeconds: 180 }));
    await ok(call('stats.packers', DAY));
    expect(central.seen.slice(3).map((s) => 'idleGapSeconds' in s.body)).toEqual([false, false]);
  });

  it('an older central refusing the field: asked again without it, every station with the default gap, said so and logged', async () => {
    const central = await standIn(true);
    const { f, call } = await managerAt(central.url);
    const all = await ok(call('stats.packers', { ...DAY, idleGapSeconds: 600 }));
    const one = await ok(call('stats.packer', { ...DAY, packerId: 1, idleGapSeconds: 600 }));
    const trend = await ok(call('stats.trend', { weeks: 1, until: DAY.to, idleGapSeconds: 600 }));
    expect([all.readFrom, one.readFrom, trend.readFrom]).toEqual(['central', 'central', 'central']);
    expect([all.idleGapSeconds, one.idleGapSeconds, trend.idleGapSeconds]).toEqual([180, 180, 180]);
    expect(central.seen.map((s) => [s.path, s.body.idleGapSeconds ?? null])).toEqual([
      [CENTRAL_CONSOLE_PATHS.statistics, 600],
      [CENTRAL_CONSOLE_PATHS.statistics, null],
      [CENTRAL_CONSOLE_PATHS.packer, 600],
      [CENTRAL_CONSOLE_PATHS.packer, null],
      [CENTRAL_CONSOLE_PATHS.trend, 600],
      [CENTRAL_CONSOLE_PATHS.trend, null],
    ]);
    const warned = f.logs.filter((l) => l.level === 'warn' && /default idle gap/.test(l.msg));
    expect(warned.map((l) => l.fields)).toEqual([1, 2, 3].map(() => ({ asked: 600, counted: 180 })));
    // Asked with the default, an older central answers at once.
    await ok(call('stats.packers', DAY));
    expect(central.seen).toHaveLength(7);
  });
});
