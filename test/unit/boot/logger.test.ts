import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStationLog } from '../../../src/boot/logger';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-logger-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the station log', () => {
  it('takes a line logged after close without ending the process', async () => {
    const log = createStationLog(dir);
    log.logger.info('station started');
    await log.close();
    // The document renderer's warm-up finishing after a short-lived host stopped did this.
    log.logger.info('document renderer ready', { ms: 900 });
    await new Promise((r) => setTimeout(r, 50));
    const text = fs.readFileSync(path.join(dir, 'logs', 'packdesk.log'), 'utf8');
    expect(text).toContain('station started');
    expect(text).not.toContain('document renderer ready');
  });

  it('keeps secrets out of the file', async () => {
    const log = createStationLog(dir);
    log.logger.info('login', { badge: 'PD-P-0001', user: { pin: '1234' } });
    await log.close();
    const text = fs.readFileSync(path.join(dir, 'logs', 'packdesk.log'), 'utf8');
    expect(text).toContain('[redacted]');
    expect(text).not.toMatch(/PD-P-0001|1234/);
  });
});
