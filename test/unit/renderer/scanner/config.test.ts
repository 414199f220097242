import { describe, it, expect } from 'vitest';
import { loadWedgeConfig, parseWedgeConfig, WEDGE_CONFIG_KEY } from '../../../../renderer/scanner/config';
import { DEFAULT_WEDGE_CONFIG } from '../../../../renderer/scanner/wedge';

describe('scanner configuration', () => {
  it('takes the valid settings and keeps defaults for the rest', () => {
    const config = parseWedgeConfig({ maxGapMs: 30, minLength: 'six', prefix: '§', gsSubstitute: { key: '|', ctrl: false } });
    expect(config).toEqual({ ...DEFAULT_WEDGE_CONFIG, maxGapMs: 30, prefix: '§', gsSubstitute: { key: '|', ctrl: false } });
  });

  it('refuses out-of-range timings', () => {
    expect(parseWedgeConfig({ maxGapMs: 0, minLength: 1000 })).toEqual(DEFAULT_WEDGE_CONFIG);
  });

  it('lets a station turn the GS substitute off', () => {
    expect(parseWedgeConfig({ gsSubstitute: null }).gsSubstitute).toBeNull();
  });

  it('falls back to defaults on broken stored JSON', () => {
    const storage = { getItem: (key: string) => (key === WEDGE_CONFIG_KEY ? '{not json' : null) };
    expect(loadWedgeConfig(storage)).toEqual(DEFAULT_WEDGE_CONFIG);
    const tuned = { getItem: () => JSON.stringify({ suffix: 'Tab' }) };
    expect(loadWedgeConfig(tuned).suffix).toBe('Tab');
  });
});
