import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repairDataFolderModes } from '../../../src/boot/private-data-folder';

let dir: string;
let data: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-private-'));
  data = path.join(dir, 'data');
  fs.mkdirSync(path.join(data, 'video'), { recursive: true, mode: 0o755 });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const modeOf = (file: string) => fs.lstatSync(file).mode & 0o777;

describe('repairing the data folder', () => {
  it('takes group and others away and leaves the owner’s bits as they were', () => {
    fs.writeFileSync(path.join(data, 'video', 'clip.webm'), 'x', { mode: 0o664 });
    fs.writeFileSync(path.join(data, 'tool.sh'), 'x', { mode: 0o755 });
    fs.writeFileSync(path.join(data, 'private'), 'x', { mode: 0o600 });
    // chmod after creating: the umask of this process is not this test's to know.
    for (const folder of [data, path.join(data, 'video')]) fs.chmodSync(folder, 0o755);
    fs.chmodSync(path.join(data, 'video', 'clip.webm'), 0o664);
    fs.chmodSync(path.join(data, 'tool.sh'), 0o755);
    expect(repairDataFolderModes(data, 'linux')).toEqual({ repaired: 4, failed: 0 });
    expect([data, path.join(data, 'video'), path.join(data, 'video', 'clip.webm'), path.join(data, 'tool.sh')].map(modeOf)).toEqual([
      0o700, 0o700, 0o600, 0o700,
    ]);
    expect(repairDataFolderModes(data, 'linux')).toEqual({ repaired: 0, failed: 0 });
  });

  it('neither follows nor changes a symlink to a folder outside', () => {
    const outside = path.join(dir, 'shared');
    fs.mkdirSync(outside, { mode: 0o755 });
    fs.writeFileSync(path.join(outside, 'readme.txt'), 'x', { mode: 0o644 });
    fs.chmodSync(outside, 0o755);
    fs.chmodSync(path.join(outside, 'readme.txt'), 0o644);
    fs.symlinkSync(outside, path.join(data, 'shared'));
    repairDataFolderModes(data, 'linux');
    expect([outside, path.join(outside, 'readme.txt')].map(modeOf)).toEqual([0o755, 0o644]);
  });

  it('leaves Windows alone, where these modes mean nothing', () => {
    fs.chmodSync(data, 0o755);
    expect(repairDataFolderModes(data, 'win32')).toEqual({ repaired: 0, failed: 0 });
    expect(modeOf(data)).toBe(0o755);
  });
});
