import { describe, it, expect } from 'vitest';
import { DEFAULT_WEDGE_CONFIG, WedgeDetector } from '../../../../renderer/scanner/wedge';
import { parseWedgeConfig } from '../../../../renderer/scanner/config';
import {
  CUT_OFF,
  FAST_BADGE,
  FAST_CUT_OFF,
  PACKETED_GS1,
  PERSON_NAME,
  PERSON_PIN,
  PERSON_QUANTITY,
  SLOW_EAN13,
  SLOW_ORDER,
  STALLED,
  type RecordedKey,
} from './recordings';
import { endOf, replay } from './replay';

/** A log's keys with its Enter held back `delay` ms longer than recorded. */
function enterLate(keys: readonly RecordedKey[], delay: number): RecordedKey[] {
  return keys.map(([key, time, modifier]) => (key === 'Enter' ? [key, time + delay, modifier] : [key, time, modifier]) as RecordedKey);
}

describe('slow and jittery wedge scanners (recorded timings)', () => {
  it('reads a scan with 30–100 ms between keys whole where nobody is typing, and sends no fragment', () => {
    for (const recording of [SLOW_EAN13, SLOW_ORDER, PACKETED_GS1]) {
      const page = replay(new WedgeDetector(), recording);
      expect(page.scans).toEqual([recording.code]);
      expect(page.notRead).toBe(0);
      // Only the burst's first key could not be told from typing; its Enter pressed nothing.
      expect(page.passed).toHaveLength(1);
    }
  });

  it('still reads a fast scanner the same way', () => {
    const page = replay(new WedgeDetector(), FAST_BADGE, { intoField: true, field: 'abc' });
    expect(page.scans).toEqual(['PD-P-0001']);
    expect(page.field).toBe('abc');
  });

  it('learns the scanner pace from its scans: then a slow scan into a text field is a scan too, taken back from the field', () => {
    const detector = new WedgeDetector();
    // Before the scanner has shown its pace, the same keys in a field may be a person's: they all
    // go to the field, whole and in order, and Enter is the field's, which submits the whole code.
    const unknown = replay(detector, SLOW_EAN13, { intoField: true });
    expect(unknown.scans).toEqual([]);
    expect(unknown.field).toBe(SLOW_EAN13.code);
    expect(unknown.passed.at(-1)).toBe('Enter');

    expect(replay(detector, SLOW_ORDER).scans).toEqual([SLOW_ORDER.code]);
    const known = replay(detector, SLOW_EAN13, { intoField: true, field: 'PD-1', shift: 100_000 });
    expect(known.scans).toEqual([SLOW_EAN13.code]);
    expect(known.field).toBe('PD-1');
    expect(known.passed).not.toContain('Enter');
  });

  it('leaves people typing into fields alone, also once a slow scanner is known', () => {
    const detector = new WedgeDetector();
    expect(replay(detector, SLOW_EAN13).scans).toEqual([SLOW_EAN13.code]);
    let shift = 0;
    for (const typed of [PERSON_NAME, PERSON_PIN, PERSON_QUANTITY]) {
      shift += 100_000;
      const page = replay(detector, typed, { intoField: true, shift });
      expect(page).toMatchObject({ scans: [], notRead: 0, field: typed.code });
      expect(page.passed.at(-1)).toBe('Enter');
    }
  });

  it('says "not read" for a scan cut off without its Enter, and sends nothing of it', () => {
    const page = replay(new WedgeDetector(), CUT_OFF);
    expect(page.scans).toEqual([]);
    expect(page.notRead).toBe(1);
  });

  it('takes a cut-off scan back out of the text field it was typed into', () => {
    const page = replay(new WedgeDetector(), FAST_CUT_OFF, { intoField: true, field: 'PD-' });
    expect(page.notRead).toBe(1);
    expect(page.field).toBe('PD-');
  });

  it('does not read either half of a scan split by a stall, and its Enter presses nothing', () => {
    const page = replay(new WedgeDetector(), STALLED);
    expect(page.scans).toEqual([]);
    expect(page.notRead).toBe(2);
    expect(page.passed).not.toContain('Enter');
  });

  it('swallows the Enter of a scan that stalled just before it', () => {
    const page = replay(new WedgeDetector(), enterLate(FAST_BADGE.keys, 300));
    expect(page.scans).toEqual([]);
    expect(page.notRead).toBe(1);
    expect(page.passed).not.toContain('Enter');
  });

  it('reads the scan again when the packer rescans after the alarm', () => {
    const detector = new WedgeDetector();
    expect(replay(detector, CUT_OFF).notRead).toBe(1);
    const again = replay(detector, SLOW_EAN13, { shift: endOf(CUT_OFF) + 2000 - SLOW_EAN13.keys[0]![1] });
    expect(again.scans).toEqual([SLOW_EAN13.code]);
  });

  it('lets an installer widen the slow gap for a slower scanner', () => {
    expect(parseWedgeConfig({ slowGapMs: 300 }).slowGapMs).toBe(300);
    expect(parseWedgeConfig({ slowGapMs: 0 }).slowGapMs).toBe(DEFAULT_WEDGE_CONFIG.slowGapMs);
    // The 282 ms stall is then one more gap of the same scan.
    expect(replay(new WedgeDetector({ ...DEFAULT_WEDGE_CONFIG, slowGapMs: 300 }), STALLED).scans).toEqual([STALLED.code]);
  });
});
