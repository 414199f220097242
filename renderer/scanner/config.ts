import { DEFAULT_WEDGE_CONFIG, type GsSubstitute, type WedgeConfig } from './wedge';

/** Where a station keeps its scanner tuning (set once by whoever installs the scanner). */
export const WEDGE_CONFIG_KEY = 'packdesk.scanner';

/**
 * Reads a stored scanner configuration, keeping each default whose stored value is missing or
 * unusable: a typo in a setting must not leave a station unable to scan.
 */
export function parseWedgeConfig(raw: unknown): WedgeConfig {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_WEDGE_CONFIG;
  const given = raw as Record<string, unknown>;
  const config: WedgeConfig = { ...DEFAULT_WEDGE_CONFIG };
  if (isWhole(given.maxGapMs, 5, 500)) config.maxGapMs = given.maxGapMs;
  if (isWhole(given.slowGapMs, 5, 1000)) config.slowGapMs = given.slowGapMs;
  if (isWhole(given.minLength, 1, 100)) config.minLength = given.minLength;
  if (typeof given.prefix === 'string' && given.prefix.length <= 8) config.prefix = given.prefix;
  if (typeof given.suffix === 'string' && given.suffix.length <= 16) config.suffix = given.suffix;
  if (given.gsSubstitute === null) config.gsSubstitute = null;
  else if (isGsSubstitute(given.gsSubstitute)) config.gsSubstitute = given.gsSubstitute;
  return config;
}

export function loadWedgeConfig(storage: Pick<Storage, 'getItem'>): WedgeConfig {
  const text = storage.getItem(WEDGE_CONFIG_KEY);
  if (!text) return DEFAULT_WEDGE_CONFIG;
  try {
    return parseWedgeConfig(JSON.parse(text));
  } catch {
    return DEFAULT_WEDGE_CONFIG;
  }
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function isGsSubstitute(value: unknown): value is GsSubstitute {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.key === 'string' && v.key.length >= 1 && v.key.length <= 16 && typeof v.ctrl === 'boolean';
}
