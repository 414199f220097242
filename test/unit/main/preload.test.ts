import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNEL } from '../../../main/channels';

// The real 'electron' module needs its binary; the preload only ever sees these two fakes.
const exposed = vi.hoisted(() => new Map<string, unknown>());
const invokes = vi.hoisted(() => [] as unknown[][]);
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invokes.push(args);
      return { ok: true, value: null };
    },
    on: () => undefined,
    removeListener: () => undefined,
    send: () => undefined,
    sendSync: () => undefined,
  },
}));

describe('preload', () => {
  it('exposes window.packdesk with exactly two functions and nothing of ipcRenderer', async () => {
    await import('../../../main/preload');
    expect([...exposed.keys()]).toEqual(['packdesk']);
    const api = exposed.get('packdesk') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('on');
  });

  it('routes invoke through the one invoke channel', async () => {
    await import('../../../main/preload');
    const api = exposed.get('packdesk') as { invoke(method: string, input: unknown): Promise<unknown> };
    await api.invoke('queue.list', { search: 'ORD-1' });
    expect(invokes.at(-1)).toEqual([INVOKE_CHANNEL, 'queue.list', { search: 'ORD-1' }]);
  });
});
