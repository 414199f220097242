import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStation } from '../../../src/boot/station';
import { eventually, mountSmallDisk, type SmallDisk } from './small-disk';

let disk: SmallDisk | string;
beforeAll(() => {
  disk = mountSmallDisk(6);
});
afterAll(() => {
  if (typeof disk !== 'string') disk.unmount();
});

function logOf(dataDir: string): string {
  return fs.readFileSync(path.join(dataDir, 'logs', 'packdesk.log'), 'utf8');
}

describe('a station whose disk fills up', () => {
  it('answers DISK_FULL to every write, keeps reading, stays up, and recovers by itself when space is freed', async (ctx) => {
    if (typeof disk === 'string') return ctx.skip(disk);
    const dataDir = path.join(disk.dir, 'station');
    const booted = await bootStation({ dataDir, host: 'cli', seedDemoIfEmpty: true, demoOrders: 10 });
    try {
      const { dispatch } = booted.station;
      expect((await dispatch('auth.badge', { badge: 'PD-P-0001' })).ok).toBe(true);
      const queue = await dispatch('queue.list', {});
      const first = (queue as { ok: true; value: { orders: { number: string }[] } }).value.orders[0]!.number;

      const free = disk.fill();
      // A login, an order opened for packing, a logout: each would write.
      for (const [method, input] of [
        ['auth.badge', { badge: 'PD-M-0001' }],
        ['pack.open', { code: first }],
        ['auth.logout', {}],
      ] as const) {
        const answer = await dispatch(method, input);
        expect(answer, method).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
      }
      // Reading does not write: the queue and the session are still there.
      expect(await dispatch('queue.list', {})).toMatchObject({ ok: true });
      expect(await dispatch('auth.current', {})).toMatchObject({ ok: true, value: { user: { role: 'packer' } } });
      // Give the log's failed writes time to surface: they must not end the process.
      await new Promise((r) => setTimeout(r, 200));

      free();
      expect(await dispatch('pack.open', { code: first })).toMatchObject({ ok: true });
      // The log comes back by itself, says once what it lost, and keeps the refusals it held.
      expect(await eventually(() => /log lines could not be written/.test(logOf(dataDir)))).toBe(true);
      const lines = logOf(dataDir).trim().split('\n');
      expect(lines.filter((l) => l.includes('log lines could not be written'))).toHaveLength(1);
      const notice = JSON.parse(lines.find((l) => l.includes('log lines could not be written'))!) as { cause: string; held: number };
      expect(notice.cause).toBe('ENOSPC');
      expect(notice.held).toBeGreaterThan(0);
      expect(lines.some((l) => l.includes('"msg":"call refused"') && l.includes('DISK_FULL'))).toBe(true);
      for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    } finally {
      await booted.close();
    }
  });

  it('keeps a long-running host up while its housekeeping (the WAL checkpoint every 5 s) meets the full disk', async (ctx) => {
    if (typeof disk === 'string') return ctx.skip(disk);
    const dataDir = path.join(disk.dir, 'served');
    const booted = await bootStation({ dataDir, host: 'browser', seedDemoIfEmpty: true, demoOrders: 10, housekeeping: true });
    try {
      const { dispatch } = booted.station;
      // Committed to the WAL and not yet checkpointed: the next checkpoint must grow the database file.
      expect((await dispatch('auth.badge', { badge: 'PD-P-0001' })).ok).toBe(true);
      const free = disk.fill();
      // Long enough for the checkpoint timer to meet the full disk.
      await new Promise((r) => setTimeout(r, 6_000));
      expect(await dispatch('queue.list', {})).toMatchObject({ ok: true });
      free();
      expect(await eventually(() => /"msg":"WAL checkpoint works again"/.test(logOf(dataDir)), 15_000)).toBe(true);
      const failed = logOf(dataDir)
        .split('\n')
        .filter((l) => l.includes('"msg":"WAL checkpoint failed'));
      expect(failed.map((l) => (JSON.parse(l) as { code: string }).code)).toEqual(['SQLITE_FULL']);
      expect(await dispatch('auth.logout', {})).toMatchObject({ ok: true });
    } finally {
      await booted.close();
    }
  }, 40_000);
});
