import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_FILE, LogFile } from '../../../src/boot/log-file';
import { eventually, mountSmallDisk, type SmallDisk } from './small-disk';

let disk: SmallDisk | string;
beforeAll(() => {
  disk = mountSmallDisk(1);
});
afterAll(() => {
  if (typeof disk !== 'string') disk.unmount();
});

/** About 300 bytes: forty of them are more than the slack in the file's last page. */
const line = (msg: string) => `${JSON.stringify({ level: 30, msg, detail: '.'.repeat(280) })}\n`;

describe('the log file on a disk that fills up', () => {
  it('holds the newest lines, drops and counts the rest, and says so once when space returns', async (ctx) => {
    if (typeof disk === 'string') return ctx.skip(disk);
    const dir = path.join(disk.dir, 'logs');
    fs.mkdirSync(dir);
    const file = path.join(dir, LOG_FILE);
    const read = () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
    const outages: string[] = [];
    const log = new LogFile({ dir, retryMs: 20, heldLines: 5, minFreeBytes: 64 * 1024, onOutage: (m) => outages.push(m) });
    log.write(line('before'));
    expect(await eventually(() => read().includes('before'))).toBe(true);

    const free = disk.fill();
    for (let i = 0; i < 40; i++) log.write(line(`during-${i}`));
    expect(await eventually(() => outages.length > 0)).toBe(true);
    expect(outages).toEqual([expect.stringMatching(/cannot be written \(ENOSPC\); log lines are held/)]);
    // Still full: the retries find no room and nothing more reaches the file.
    await new Promise((r) => setTimeout(r, 100));
    free();
    expect(await eventually(() => read().includes('during-39'))).toBe(true);
    log.write(line('after'));
    expect(await eventually(() => read().includes('after'))).toBe(true);
    await log.close();

    const lines = read().trimEnd().split('\n');
    const at = lines.findIndex((l) => l.includes('log lines could not be written'));
    expect(at).toBeGreaterThan(0);
    expect(lines.filter((l) => l.includes('log lines could not be written'))).toHaveLength(1);
    const notice = JSON.parse(lines[at]!) as { level: number; cause: string; dropped: number; held: number; since: string };
    expect(notice).toMatchObject({ level: 40, cause: 'ENOSPC', held: 5 });
    // The lines written before the disk was full (some may have fitted in the file's last page)
    // and those held, all accounted for.
    const writtenBefore = lines.slice(0, at).filter((l) => l.includes('during-')).length;
    expect(writtenBefore + notice.dropped + notice.held).toBeGreaterThanOrEqual(40);
    expect(lines.slice(at + 1)).toEqual([...[35, 36, 37, 38, 39].map((i) => line(`during-${i}`).trimEnd()), line('after').trimEnd()]);
    // Half a line a failed write left is cut off: the file stays whole JSON lines.
    for (const l of lines) expect(() => JSON.parse(l) as unknown).not.toThrow();
  });
});

describe('the log file after close', () => {
  it('drops late lines without an error, so work finishing after its host stopped cannot end the process', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'packdesk-log-'));
    try {
      const log = new LogFile({ dir });
      log.write(line('last'));
      await log.close();
      expect(log.write(line('late'))).toBe(true);
      await new Promise((r) => setTimeout(r, 50));
      expect(fs.readFileSync(path.join(dir, LOG_FILE), 'utf8')).toBe(line('last'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
