import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';

const loadedNodeHid = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('node-hid'));

describe('loading node-hid', () => {
  it('does not load the native module just because the adapters are imported', async () => {
    await import('../../../../src/devices/hid/pos-scanner');
    await import('../../../../src/devices/hid/scale');
    expect(loadedNodeHid()).toEqual([]);
  });

  it('loads node-hid on demand and lists devices through its async API', async () => {
    const { loadNodeHid } = await import('../../../../src/devices/hid/hid-module');
    const hid = await loadNodeHid();
    expect(Array.isArray(await hid.devices())).toBe(true);
    expect(loadedNodeHid().length).toBeGreaterThan(0);
  });
});
