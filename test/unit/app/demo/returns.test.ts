import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStation, type BootedStation } from '../../../../src/boot/station';
import { typedCall } from '../../../support/station-fixture';

let dir: string;
let booted: BootedStation;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-demo-returns-'));
  booted = await bootStation({ dataDir: dir, host: 'cli', demo: { orders: 300, seed: 1 } });
}, 120_000);
afterAll(async () => {
  await booted.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo shop’s returns desk', () => {
  it('starts with returns in every state and parcels that are not ours, the overdue ones loud', async () => {
    const call = typedCall(booted.station);
    const login = await call('auth.badge', { badge: 'PD-R-0001' }, { stationId: 'ST-03' });
    expect(login.ok).toBe(true);
    const list = await call('returns.list', {}, { stationId: 'ST-03' });
    if (!list.ok) throw new Error(list.error.message);
    const stages = list.value.returns.map((r) => r.stage);
    expect(new Set(stages)).toEqual(new Set(['open', 'awaiting_refund', 'decided']));
    // Open: one just arrived (nothing graded), one graded; two of them overdue, one a complaint deemed accepted.
    expect(list.value.returns.filter((r) => r.stage === 'open').map((r) => r.items)).toEqual(expect.arrayContaining([0, expect.any(Number)]));
    expect(list.value.returns.filter((r) => r.deadline.overdue)).toHaveLength(2);
    expect(list.value.returns.some((r) => r.deemedAccepted)).toBe(true);
    expect(list.value.notOurs.map((p) => p.hold.overdue).sort()).toEqual([false, true]);
    const overdue = await call('returns.list', { overdue: true }, { stationId: 'ST-03' });
    if (!overdue.ok) throw new Error(overdue.error.message);
    expect(overdue.value.returns).toHaveLength(2);
    expect(overdue.value.notOurs).toHaveLength(1);
  });

  it('has a closed return whose confirmed packing error counts against the packer, and a parcel sent back, each step journaled', () => {
    const entries = booted.journal.range(1, 1_000_000);
    const types = new Set(entries.map((e) => e.type));
    for (const type of ['returns.opened', 'returns.item.graded', 'returns.decided', 'returns.refund_decided', 'returns.packing_error', 'returns.closed'])
      expect(types).toContain(type);
    expect(types).toContain('returns.not_ours');
    expect(types).toContain('returns.not_ours.sent_back');
    // Refunds start from the prices: one kept as suggested, one cut by the handler, the change on record.
    const refunds = entries.filter((e) => e.type === 'returns.refund_decided').map((e) => e.payload);
    expect(refunds.map((p) => p.changed).sort()).toEqual([false, true]);
    for (const p of refunds) expect(p.suggested).toMatchObject({ amountMinor: expect.any(Number), currency: 'PLN' });
  });
});
