import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveScan } from '../../../src/app/packing/resolve';
import type { ScanSubmitResult } from '../../../src/contract/packing';
import { sessionLines } from '../../../src/app/packing/lines';
import { applyScan, acknowledge, packedOnLine, startPacking, VERDICTS, type PackingState } from '../../../src/domain/packing';
import { verifyJournal } from '../../../src/journal/verify';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { openDatabase } from '../../../src/storage/db';
import { CODES, createStationFixture, type StationFixture } from '../../support/station-fixture';
import path from 'node:path';

const GS = '\x1d';
let f: StationFixture;
beforeEach(() => {
  f = createStationFixture();
});
afterEach(() => f.close());

/** Scans a hostile world can produce: noise, control characters, huge strings, near-miss barcodes. */
const hostileScan = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)), maxLength: 20 }),
  fc.integer({ min: 1, max: 12_000 }).map((n) => 'X'.repeat(n)),
  fc.constantFrom(...Object.values(CODES)),
  fc.constantFrom(...Object.values(CODES)).map((code) => code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10)),
  fc
    .tuple(fc.constantFrom(CODES.phone, CODES.mug), fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }))
    .map(([gtin, serial, lot]) => `]d201${gtin}21${serial}${GS}10${lot}`),
  fc.tuple(fc.constantFrom(CODES.phone, CODES.kit), fc.nat(30)).map(([gtin, cut]) => `]C101${gtin}17271231`.slice(0, 4 + cut)),
  fc.constantFrom('PD-100001', 'K1', 'PD-P-0002', '', '\u0000', '\ud800', ']d2', `]d2${GS}${GS}`, '(01)12345(17)'),
);

function lineOverfilled(state: PackingState): boolean {
  return state.lines.some((line) => packedOnLine(state, line) > line.ordered);
}

describe('hostile scans', () => {
  it('answers every one of tens of thousands with a verdict and never over-fills a line', async () => {
    const order = f.store.orders.byNumber('PD-100006')!;
    const initial = startPacking(order.id, order.number, sessionLines(f.store, order));
    const rules = { today: '2026-11-20', bulkThreshold: 10, serialShipped: () => false };
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileScan, fc.boolean()), { minLength: 1, maxLength: 40 }), (scans) => {
        let state = initial;
        for (const [data, ack] of scans) {
          const resolved = resolveScan(f.store, data, null, new Date('2026-11-20T10:00:00Z'));
          const step = applyScan(state, resolved, data, rules);
          expect(VERDICTS).toContain(step.outcome.verdict);
          state = ack ? acknowledge(step.state) : step.state;
          expect(lineOverfilled(state)).toBe(false);
        }
      }),
      // 1,000 runs of up to 40 scans each: some 20,000 scans.
      { numRuns: 1_000 },
    );
  });

  it('keeps the station whole through the real pipeline: a verdict per scan, order untouched, journal intact', async () => {
    await f.station.dispatch('scan.submit', { data: 'PD-P-0001', symbology: null, source: 'wedge' });
    await f.station.dispatch('scan.submit', { data: 'PD-100006', symbology: null, source: 'wedge' });
    const scans = fc.sample(hostileScan, { numRuns: 1_500, seed: 42 });
    let answered = 0;
    for (const [i, data] of scans.entries()) {
      const result = await f.station.dispatch('scan.submit', { data, symbology: null, source: 'wedge' });
      if (!result.ok) throw new Error(`scan ${i} (${JSON.stringify(data).slice(0, 80)}) failed: ${result.error.code} ${result.error.message}`);
      const value = result.value as ScanSubmitResult;
      expect(value.kind).toBe('scanned');
      if (value.kind === 'scanned') {
        answered++;
        expect(value.view.lines.every((line) => line.packed <= line.ordered)).toBe(true);
        if (value.view.pending?.kind === 'error') await f.station.dispatch('pack.acknowledge', {});
      }
    }
    expect(answered).toBe(scans.length);
    expect(f.store.orders.byNumber('PD-100006')?.status).toBe('ready');
    expect(f.logs.filter((l) => l.level === 'error')).toEqual([]);
    const db = openDatabase(path.join(f.dir, 'packdesk.sqlite'));
    try {
      const verified = verifyJournal(createJournalRows(db));
      expect(verified.problems).toEqual([]);
      expect(verified.entries).toBeGreaterThan(scans.length);
    } finally {
      db.close();
    }
  });
});
