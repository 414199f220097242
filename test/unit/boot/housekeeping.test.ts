import { describe, expect, it } from 'vitest';
import { repeat } from '../../../src/boot/housekeeping';
import { StationFailure } from '../../../src/contract/errors';

describe('a housekeeping job', () => {
  it('that fails is logged once, tried again at each tick without ending the process, and said to work again', async () => {
    const lines: { msg: string; fields?: Record<string, unknown> }[] = [];
    const log = (msg: string, fields?: Record<string, unknown>) => void lines.push({ msg, ...(fields ? { fields } : {}) });
    let full = true;
    let runs = 0;
    const stop = repeat(
      'ending idle logins',
      10,
      () => {
        runs++;
        if (full) throw new StationFailure('DISK_FULL', 'The disk holding the Packdesk database is full.');
      },
      { info: log, warn: log, error: log },
    );
    try {
      while (runs < 3) await new Promise((r) => setTimeout(r, 10));
      full = false;
      const failedRuns = runs;
      while (runs < failedRuns + 2) await new Promise((r) => setTimeout(r, 10));
    } finally {
      stop();
    }
    expect(lines).toEqual([
      { msg: 'ending idle logins failed; it is tried again every 0.01 s', fields: { code: 'DISK_FULL', error: expect.stringContaining('is full') } },
      { msg: 'ending idle logins works again' },
    ]);
  });
});
