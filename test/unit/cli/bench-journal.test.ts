import { describe, expect, it } from 'vitest';
import { benchJournal } from '../../../src/cli/bench/journal';

describe('journal benchmark', () => {
  it('appends, verifies its own journal and reports every figure', async () => {
    const figures = await benchJournal({ entries: 2500 });
    expect(figures.map((f) => f.name)).toEqual([
      'journal append, one transaction each: rate',
      'journal append, one transaction each: p99',
      'journal append, 1000 per transaction: rate',
      'journal newest-row read (done by every append)',
      'journal verify, 2,500 entries',
      ...[
        'newest entries, no filter',
        'one packer',
        'one station, one entry type',
        'one order',
        'one packer over one day',
        'words: a serial number',
        'words: "wrong" at one station',
        'words: a customer name prefix, one packer',
        'one packer, page 21 (offset 1,000)',
      ].flatMap((q) => [`journal search, ${q}: p50`, `journal search, ${q}: p99`]),
      'journal search, slowest p99 of the questions above',
      'journal database size',
    ]);
    // Timings of a small journal can round to zero on a fast run; rates and sizes cannot.
    for (const f of figures) expect(Number.isFinite(f.value) && f.value >= 0).toBe(true);
    for (const f of figures.filter((x) => x.unit !== 'ms' && x.unit !== 'µs')) expect(f.value).toBeGreaterThan(0);
    expect(figures[4]?.note).toBe('goal ≤ 5 ms');
  });
});
