import { describe, it, expect } from 'vitest';
import { DEFAULT_WEDGE_CONFIG, WedgeDetector } from '../../../../renderer/scanner/wedge';
import { FAST_BOX, ONE_KEY_AND_ENTER, PERSON_QUANTITY, QUICK_QUANTITY, SLOW_BOX, SLOW_EAN13 } from './recordings';
import { replay } from './replay';

describe('short codes (box labels like K2, recorded timings)', () => {
  it('reads a short code that ends with Enter at a scanner pace, fast or slow, and its Enter presses nothing', () => {
    for (const recording of [FAST_BOX, SLOW_BOX]) {
      const page = replay(new WedgeDetector(), recording);
      expect(page.scans).toEqual(['K2']);
      expect(page.passed).not.toContain('Enter');
    }
  });

  it('reads it however long the station says a code must be', () => {
    const page = replay(new WedgeDetector({ ...DEFAULT_WEDGE_CONFIG, minLength: 8 }), FAST_BOX);
    expect(page.scans).toEqual(['K2']);
  });

  it('reads a short code scanned into a text field at a pace no person types, and takes it back out', () => {
    const page = replay(new WedgeDetector(), FAST_BOX, { intoField: true, field: '3' });
    expect(page.scans).toEqual(['K2']);
    expect(page.field).toBe('3');
    expect(page.passed).not.toContain('Enter');
  });

  it('leaves short answers a person types into a field to the field: a count, one key and Enter', () => {
    const detector = new WedgeDetector();
    // Also once a slow scanner is known: a short burst in a field needs a pace no person reaches.
    expect(replay(detector, SLOW_EAN13).scans).toEqual([SLOW_EAN13.code]);
    for (const typed of [PERSON_QUANTITY, QUICK_QUANTITY, ONE_KEY_AND_ENTER]) {
      const page = replay(detector, typed, { intoField: true });
      expect(page).toMatchObject({ scans: [], notRead: 0, field: typed.code });
      expect(page.passed.at(-1)).toBe('Enter');
    }
  });

  it('still gives minLength to a scanner without a suffix, whose bursts have no Enter to go by', () => {
    const detector = new WedgeDetector({ ...DEFAULT_WEDGE_CONFIG, suffix: '' });
    const page = replay(
      detector,
      FAST_BOX.keys.filter(([key]) => key !== 'Enter'),
    );
    expect(page.scans).toEqual([]);
  });
});
