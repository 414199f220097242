import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStation } from '../../../src/boot/station';

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-returns-sweep-'));
  // The demo's returns desk holds two returns past their deadline; seeding journals no miss.
  const seeded = await bootStation({ dataDir: dir, host: 'cli', demo: { orders: 300, seed: 1 } });
  await seeded.close();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const missed = (entries: { type: string }[]) => entries.filter((e) => e.type === 'returns.deadline_missed');

describe('missed return deadlines at a long-running station', () => {
  it('are journaled when the station starts, before anyone opens the returns list, and not again at the next start', async () => {
    const first = await bootStation({ dataDir: dir, host: 'browser', housekeeping: true });
    try {
      expect(missed(first.journal.range(1, 1_000_000))).toHaveLength(2);
    } finally {
      await first.close();
    }
    const second = await bootStation({ dataDir: dir, host: 'browser', housekeeping: true });
    try {
      expect(missed(second.journal.range(1, 1_000_000))).toHaveLength(2);
    } finally {
      await second.close();
    }
  });

  it('are left alone by a command that only reads (no housekeeping)', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-returns-sweep-cli-'));
    try {
      const booted = await bootStation({ dataDir: fresh, host: 'cli', demo: { orders: 300, seed: 1 } });
      expect(missed(booted.journal.range(1, 1_000_000))).toEqual([]);
      await booted.close();
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });
});
