import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bootStation } from '../../src/boot/station';
import { runCli } from '../../src/cli/main';
import { createStationFixture, typedCall, type StationFixture } from '../support/station-fixture';
import { bytes, ok, openMugOrder, packMugs } from '../unit/app/video/support';
import { exposedPaths, underUsualUmask } from './modes';

// The data folder holds badge hashes, customers' names and addresses, packing video and the
// journal's signing key: nobody but the station's own user may read any of it.

let dir: string;
let data: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-modes-'));
  data = path.join(dir, 'station');
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function quietCli(...args: string[]): Promise<number> {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return runCli(args);
}

function logLines(dataDir: string): { msg: string; level: number; repaired?: number }[] {
  return fs
    .readFileSync(path.join(dataDir, 'logs', 'packdesk.log'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { msg: string; level: number; repaired?: number });
}

/** Opens everything up the way a copy, a restore or an old version would have left it. */
function loosen(root: string): number {
  let loosened = 0;
  const visit = (at: string): void => {
    const stat = fs.lstatSync(at);
    if (stat.isSymbolicLink()) return;
    fs.chmodSync(at, stat.isDirectory() ? 0o755 : 0o644);
    loosened++;
    if (stat.isDirectory()) for (const name of fs.readdirSync(at)) visit(path.join(at, name));
  };
  visit(root);
  return loosened;
}

describe('the data folder is readable by its owner only', () => {
  it('after `packdesk demo`', async () => {
    expect(await underUsualUmask(() => quietCli('demo', '--data', data, '--orders', '20'))).toBe(0);
    expect(fs.readdirSync(data)).toEqual(expect.arrayContaining(['packdesk.sqlite', 'logs']));
    expect(exposedPaths(data)).toEqual([]);
  });

  it('while a station runs (database, WAL, shared memory, keys, logs) and after admin.backup', async () => {
    await underUsualUmask(async () => {
      const booted = await bootStation({ dataDir: data, host: 'cli', seedDemoIfEmpty: true, demoOrders: 10 });
      try {
        expect((await booted.station.dispatch('auth.badge', { badge: 'PD-M-0001', pin: '7001' })).ok).toBe(true);
        const backup = await booted.station.dispatch('admin.backup', {});
        expect(backup.ok).toBe(true);
        expect(fs.readdirSync(data)).toEqual(expect.arrayContaining(['packdesk.sqlite-wal', 'packdesk.sqlite-shm', 'backups']));
        expect(fs.readdirSync(path.join(data, 'backups'))).toHaveLength(1);
        expect(exposedPaths(data)).toEqual([]);
      } finally {
        await booted.close();
      }
    });
  });

  it('after a recording chunk is written, an evidence package exported and a document archived', async () => {
    // The fixture wires the adapters without bootStation: these modes come from the adapters themselves.
    const f: StationFixture = await underUsualUmask(() => createStationFixture());
    try {
      await underUsualUmask(async () => {
        const { call, sessionId } = await openMugOrder(f);
        const started = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
        if (started.mode !== 'webcam') throw new Error('expected webcam mode');
        await ok(call('video.chunk', { segmentId: started.segment.id, index: 0, ms: 1000, data: bytes('frames') }));
        expect(f.station.mediaFile('clip', String(started.segment.id))).not.toBeNull();
        expect(exposedPaths(f.dir)).toEqual([]);

        await packMugs(f);
        await ok(call('video.stop', { segmentId: started.segment.id }));
        await ok(call('pack.complete', {}));
        await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
        await ok(typedCall(f.station)('review.evidence', { orderNumber: 'PD-100001' }));
        f.documents.archive.keep('label', { format: 'zpl', bytes: Buffer.from('^XA^XZ') }, { orderNumber: 'PD-100001' });
        expect(fs.readdirSync(f.dir)).toEqual(expect.arrayContaining(['evidence', 'documents']));
        expect(exposedPaths(f.dir)).toEqual([]);
      });
    } finally {
      f.close();
    }
  });

  it('is repaired at start when found open, without following symlinks, and the log says how much', async () => {
    const outside = path.join(dir, 'not-ours.txt');
    fs.writeFileSync(outside, 'someone else’s file', { mode: 0o644 });
    fs.chmodSync(outside, 0o644);
    await underUsualUmask(async () => {
      await (await bootStation({ dataDir: data, host: 'cli', seedDemoIfEmpty: true, demoOrders: 5 })).close();
      fs.symlinkSync(outside, path.join(data, 'link-to-outside'));
      const loosened = loosen(data);
      await (await bootStation({ dataDir: data, host: 'cli' })).close();
      expect(exposedPaths(data)).toEqual([]);
      expect(fs.statSync(outside).mode & 0o777).toBe(0o644);
      const checks = logLines(data).filter((l) => l.msg === 'data folder permissions checked');
      expect(checks.map((l) => l.repaired)).toEqual([0, loosened]);
    });
  });
});
