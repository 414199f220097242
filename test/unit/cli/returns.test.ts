import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStation } from '../../../src/boot/station';
import { runCliCaptured } from '../../support/run-cli';

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-returns-cli-'));
  // The demo shop: its returns desk holds returns in every state, two of them overdue.
  const booted = await bootStation({ dataDir: dir, host: 'cli', demo: { orders: 300, seed: 1 } });
  await booted.close();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = runCliCaptured;

interface Listed {
  returns: { number: string; orderNumber: string; stage: string; deadline: { overdue: boolean; lastDay: string } }[];
  notOurs: { number: string; hold: { overdue: boolean } }[];
}

describe('packdesk returns', () => {
  it('lists the open returns by deadline as JSON, and only the overdue ones with --overdue', async () => {
    const all = await cli('returns', 'list', '--data', dir, '--json');
    expect(all.code).toBe(0);
    const listed = JSON.parse(all.out) as Listed;
    expect(listed.returns.length).toBeGreaterThanOrEqual(6);
    const days = listed.returns.map((r) => r.deadline.lastDay);
    expect(days).toEqual([...days].sort());
    const overdue = JSON.parse((await cli('returns', 'list', '--overdue', '--data', dir, '--json')).out) as Listed;
    expect(overdue.returns.map((r) => r.deadline.overdue)).toEqual([true, true]);
    expect(overdue.notOurs).toHaveLength(1);
  });

  it('prints a table, overdue returns marked, and parcels not ours below it', async () => {
    const r = await cli('returns', 'list', '--data', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^NUMBER\s+TYPE\s+STAGE\s+ORDER/m);
    expect(r.out).toMatch(/R-\d{4}-\d+\s+complaint\s+open\s+PD-099999.*OVERDUE/);
    expect(r.out).toMatch(/NOP-\d{4}-\d+/);
  });

  it('shows one return by its number or by its order, with items, decision and the journal’s steps', async () => {
    const listed = JSON.parse((await cli('returns', 'list', '--data', dir, '--json')).out) as Listed;
    const decided = listed.returns.find((r) => r.stage === 'awaiting_refund')!;
    const byNumber = await cli('returns', 'show', decided.number, '--data', dir);
    expect(byNumber.code).toBe(0);
    expect(byNumber.out).toContain(`Return ${decided.number}`);
    expect(byNumber.out).toMatch(/refund \d+\.\d{2} PLN/);
    expect(byNumber.out).toMatch(/unopened -> restock/);
    const byOrder = await cli('returns', 'show', decided.orderNumber, '--data', dir, '--json');
    expect((JSON.parse(byOrder.out) as { returns: { number: string }[] }).returns.map((v) => v.number)).toEqual([decided.number]);
  });

  it('says so, with a non-zero code, when nothing has that number', async () => {
    const r = await cli('returns', 'show', 'R-1999-000001', '--data', dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/No return, order or parcel matches "R-1999-000001"/);
  });
});
