import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStation } from '../../../src/boot/station';
import { runCliCaptured } from '../../support/run-cli';

let dir: string;
let completed: number;
const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const today = new Date();
const from = day(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 8));
const to = day(today);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-stats-cli-'));
  // The demo shop with its packed week: five packers at two stations.
  const booted = await bootStation({ dataDir: dir, host: 'cli', demo: { orders: 300, seed: 1 } });
  completed = booted.journal.range(1, 100_000).filter((e) => e.type === 'pack.completed').length;
  await booted.close();
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = runCliCaptured;

describe('packdesk stats', () => {
  it('prints the period as JSON: one entry per packer, every order of the period counted once', async () => {
    expect(completed).toBeGreaterThan(5);
    const r = await cli('stats', '--data', dir, '--from', from, '--to', to, '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.packers.map((p: { name: string }) => p.name)).toHaveLength(5);
    const orders = json.packers.reduce((t: number, p: { figures: { orders: number } }) => t + p.figures.orders, 0);
    expect(orders).toBeCloseTo(completed, 6);
    const anyone = json.packers.find((p: { figures: { orders: number } }) => p.figures.orders > 0);
    expect(anyone.figures.activeSeconds).toBeGreaterThan(0);
    expect(anyone.figures.score).toBeGreaterThan(0);
    expect(json.definitions.orders.name).toBe('Orders');
    // The demo's caught wrong items and its parcel heavier than it should be are counted.
    const sum = (pick: (f: Record<string, number>) => number | undefined) =>
      json.packers.reduce((t: number, p: { figures: Record<string, number> }) => t + (pick(p.figures) ?? 0), 0);
    expect(sum((f) => f.errorsTotal)).toBeGreaterThan(0);
    expect(sum((f) => f.weightMismatches)).toBe(1);
    expect(sum((f) => f.forcedCompletions)).toBe(1);
  });

  it('writes XLSX with --out that reads back with a row per packer and the definitions sheet, and CSV to standard output', async () => {
    const out = path.join(dir, 'week.xlsx');
    const r = await cli('stats', '--data', dir, '--from', from, '--to', to, '--format', 'xlsx', '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain('5 packers written');
    const rows = await readSheet(fs.readFileSync(out));
    expect(rows).toHaveLength(6);
    expect(rows[0]!.slice(0, 3)).toEqual(['Packer ID', 'Packer', 'Orders']);
    const orders = rows.slice(1).reduce((t, row) => t + Number(row[2]), 0);
    expect(orders).toBeCloseTo(completed, 2);
    expect((await readSheet(fs.readFileSync(out), 'Definitions'))[0]).toEqual(['Figure', 'Definition']);

    const csv = await cli('stats', '--data', dir, '--from', from, '--to', to, '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.out.split('\r\n').filter(Boolean)).toHaveLength(6);
  });

  it('refuses days that do not exist, a period back to front, and an unknown format', async () => {
    expect((await cli('stats', '--data', dir, '--from', '2026-02-30', '--to', to)).code).toBe(2);
    expect((await cli('stats', '--data', dir, '--from', to, '--to', from)).code).toBe(2);
    expect((await cli('stats', '--data', dir, '--from', from, '--to', to, '--format', 'pdf')).code).toBe(2);
  });
});
