import { describe, it, expect } from 'vitest';
import { DEFAULT_WEDGE_CONFIG, GS, WedgeDetector, type WedgeConfig, type WedgeDecision } from '../../../../renderer/scanner/wedge';

interface Fed {
  decisions: WedgeDecision[];
  time: number;
}

/** Feeds keys `gap` ms apart, starting `start` ms after the clock origin; `intoField` when a text field has the focus. */
function feed(detector: WedgeDetector, keys: Array<string | { key: string; ctrl?: boolean }>, gap: number, start = 1000, intoField = false): Fed {
  let time = start;
  const decisions = keys.map((k) => {
    const stroke = typeof k === 'string' ? { key: k, ctrlKey: false } : { key: k.key, ctrlKey: k.ctrl ?? false };
    const d = detector.feed({ ...stroke, altKey: false, metaKey: false, time, intoField });
    time += gap;
    return d;
  });
  return { decisions, time: time - gap };
}

const scans = (fed: Fed) => fed.decisions.flatMap((d) => (d.scan === undefined ? [] : [d.scan]));
const chars = (text: string) => [...text];

describe('WedgeDetector', () => {
  it('reports a fast burst ended by Enter as a scan, without the suffix', () => {
    const fed = feed(new WedgeDetector(), [...chars('PD-P-0001'), 'Enter'], 8);
    expect(scans(fed)).toEqual(['PD-P-0001']);
    const last = fed.decisions.at(-1);
    expect(last).toMatchObject({ consume: true, scan: 'PD-P-0001', leaked: 1 });
  });

  it('lets the first key through and holds the rest of a fast burst', () => {
    const fed = feed(new WedgeDetector(), chars('ABC'), 8);
    expect(fed.decisions[0]).toEqual({ consume: false, burstStart: true });
    expect(fed.decisions[1]).toEqual({ consume: true });
    expect(fed.decisions[2]).toEqual({ consume: true });
  });

  it('treats slow typing into a field followed by Enter as typing', () => {
    const fed = feed(new WedgeDetector(), [...chars('1234567'), 'Enter'], 150, 1000, true);
    expect(scans(fed)).toEqual([]);
    expect(fed.decisions.every((d) => !d.consume)).toBe(true);
    expect(fed.decisions.some((d) => d.release)).toBe(false);
  });

  it('gives held keys back when a fast pair turns out to be typing', () => {
    const detector = new WedgeDetector();
    const fed = feed(detector, chars('ab'), 20);
    expect(fed.decisions[1]).toEqual({ consume: true });
    // Nothing more arrives: once the gap has passed the held 'b' goes to the field.
    expect(detector.expire(fed.time + 10)).toBeNull();
    expect(detector.expire(fed.time + DEFAULT_WEDGE_CONFIG.maxGapMs + 1)).toEqual({ consume: false, release: 'b' });
    expect(detector.expire(fed.time + 500)).toBeNull();
  });

  it('releases held keys before a slow key that follows them', () => {
    const detector = new WedgeDetector();
    feed(detector, chars('ab'), 10, 1000);
    const next = detector.feed({ key: 'c', ctrlKey: false, altKey: false, metaKey: false, time: 1300 });
    expect(next).toEqual({ consume: false, burstStart: true, release: 'b' });
  });

  it('counts a burst shorter than minLength ended by Enter at a scanner pace as a scan; typed into a field, its Enter works as Enter', () => {
    const fed = feed(new WedgeDetector(), ['1', '2', '3', 'Enter'], 5);
    expect(scans(fed)).toEqual(['123']);
    expect(fed.decisions[3]).toEqual({ consume: true, scan: '123', leaked: 1 });
    const typed = feed(new WedgeDetector(), ['1', '2', '3', 'Enter'], 70, 1000, true);
    expect(scans(typed)).toEqual([]);
    expect(typed.decisions[3]).toEqual({ consume: false });
  });

  it('restarts the burst after a gap longer than maxGapMs', () => {
    const detector = new WedgeDetector();
    feed(detector, chars('zz'), 5, 1000);
    const fed = feed(detector, [...chars('ORD-1001'), 'Enter'], 5, 2000);
    expect(scans(fed)).toEqual(['ORD-1001']);
  });

  it('honours a configured maxGapMs in a text field', () => {
    const config: WedgeConfig = { ...DEFAULT_WEDGE_CONFIG, maxGapMs: 100 };
    expect(scans(feed(new WedgeDetector(config), [...chars('12345'), 'Enter'], 80, 1000, true))).toEqual(['12345']);
    expect(scans(feed(new WedgeDetector(), [...chars('12345'), 'Enter'], 80, 1000, true))).toEqual([]);
  });

  it('ignores Shift between the characters of a scan', () => {
    const fed = feed(new WedgeDetector(), ['Shift', 'A', 'Shift', 'B', '1', '2', 'Enter'], 4);
    expect(scans(fed)).toEqual(['AB12']);
  });

  it('maps the configured GS substitute (Ctrl+]) back to 0x1D', () => {
    const keys = [...chars('0109501101530003'), { key: ']', ctrl: true }, ...chars('10ABC'), 'Enter'];
    const fed = feed(new WedgeDetector(), keys, 5);
    expect(scans(fed)).toEqual([`0109501101530003${GS}10ABC`]);
  });

  it('maps a chosen substitute character to GS and keeps the raw GS key too', () => {
    const config: WedgeConfig = { ...DEFAULT_WEDGE_CONFIG, gsSubstitute: { key: '~', ctrl: false } };
    const fed = feed(new WedgeDetector(config), [...chars('0112345~21'), GS, ...chars('9'), 'Enter'], 5);
    expect(scans(fed)).toEqual([`0112345${GS}21${GS}9`]);
  });

  it('requires and strips a configured prefix, which never reaches the page', () => {
    const config: WedgeConfig = { ...DEFAULT_WEDGE_CONFIG, prefix: '§' };
    const fed = feed(new WedgeDetector(config), [...chars('§ABCD'), 'Enter'], 5);
    expect(fed.decisions[0]).toEqual({ consume: true });
    expect(fed.decisions.at(-1)).toMatchObject({ scan: 'ABCD', leaked: 0 });
    // The same burst without the prefix is typing: every key passes as it comes.
    const typed = feed(new WedgeDetector(config), [...chars('ABCD'), 'Enter'], 5, 5000);
    expect(scans(typed)).toEqual([]);
    expect(typed.decisions.every((d) => !d.consume && !d.release)).toBe(true);
  });

  it('uses another suffix key when configured, and Enter is then an ordinary key', () => {
    const config: WedgeConfig = { ...DEFAULT_WEDGE_CONFIG, suffix: 'Tab' };
    expect(scans(feed(new WedgeDetector(config), [...chars('ABCDE'), 'Tab'], 5))).toEqual(['ABCDE']);
    const enter = feed(new WedgeDetector(config), [...chars('ABCDE'), 'Enter'], 5);
    expect(scans(enter)).toEqual([]);
    expect(enter.decisions.at(-1)).toEqual({ consume: false, release: 'BCDE' });
  });

  it('ends a scan by time when the scanner sends no suffix', () => {
    const config: WedgeConfig = { ...DEFAULT_WEDGE_CONFIG, suffix: '' };
    const detector = new WedgeDetector(config);
    const fed = feed(detector, chars('5901234123457'), 5);
    expect(scans(fed)).toEqual([]);
    expect(detector.expire(fed.time + config.maxGapMs + 1)).toEqual({ consume: true, scan: '5901234123457', leaked: 1 });
  });

  it('gives back a burst broken by a navigation key', () => {
    const fed = feed(new WedgeDetector(), ['a', 'b', 'c', 'ArrowLeft'], 5);
    expect(fed.decisions[3]).toEqual({ consume: false, release: 'bc' });
  });

  it('reports two scans in a row', () => {
    const detector = new WedgeDetector();
    const first = feed(detector, [...chars('AAAA1'), 'Enter'], 5, 1000);
    const second = feed(detector, [...chars('BBBB2'), 'Enter'], 5, 1200);
    expect([...scans(first), ...scans(second)]).toEqual(['AAAA1', 'BBBB2']);
  });
});
