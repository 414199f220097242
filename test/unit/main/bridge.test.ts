import { describe, expect, it } from 'vitest';
import { buildBridge } from '../../../main/bridge';
import type { RendererIpc } from '../../../main/bridge';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../main/channels';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** Stands in for ipcRenderer: records invokes and lets the test push events from "main". */
function fakeIpc() {
  const invokes: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: RendererIpc = {
    invoke: async (channel, ...args) => {
      invokes.push([channel, ...args]);
      return { ok: true, value: 'answer' };
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const push = (channel: string, message: unknown) => {
    const ipcEvent = { sender: ipc, senderId: 0 };
    for (const listener of listeners.get(channel) ?? []) listener(ipcEvent, message);
  };
  const count = (channel: string) => listeners.get(channel)?.size ?? 0;
  return { ipc, invokes, push, count };
}

describe('buildBridge', () => {
  it('exposes exactly invoke and subscribe, both functions', () => {
    const bridge = buildBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'subscribe']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.subscribe).toBe('function');
  });

  it('sends (method, input) on the invoke channel and returns the answer', async () => {
    const fake = fakeIpc();
    const answer = await buildBridge(fake.ipc).invoke('auth.badge', { badge: 'P-1001' });
    expect(answer).toEqual({ ok: true, value: 'answer' });
    expect(fake.invokes).toEqual([[INVOKE_CHANNEL, 'auth.badge', { badge: 'P-1001' }]]);
  });

  it('gives subscribers only { name, payload } of their own event, never the IPC event', () => {
    const fake = fakeIpc();
    const bridge = buildBridge(fake.ipc);
    const seen: unknown[] = [];
    bridge.subscribe('queue.changed', (event) => seen.push(event));
    fake.push(EVENT_CHANNEL, { name: 'auth.changed', payload: { stationId: 'ST-01', login: null, reason: 'logout' } });
    fake.push(EVENT_CHANNEL, { name: 'queue.changed', payload: { stationId: 'ST-01' } });
    fake.push(EVENT_CHANNEL, 'garbage');
    fake.push(EVENT_CHANNEL, null);
    expect(seen).toEqual([{ name: 'queue.changed', payload: { stationId: 'ST-01' } }]);
    expect(JSON.stringify(seen)).not.toContain('sender');
  });

  it('returns an unsubscribe function and drops the IPC listener when nobody listens', () => {
    const fake = fakeIpc();
    const bridge = buildBridge(fake.ipc);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = bridge.subscribe('queue.changed', (event) => first.push(event));
    const stopSecond = bridge.subscribe('queue.changed', (event) => second.push(event));
    expect(fake.count(EVENT_CHANNEL)).toBe(1);
    stopFirst();
    stopFirst();
    fake.push(EVENT_CHANNEL, { name: 'queue.changed', payload: { stationId: null } });
    expect(first).toEqual([]);
    expect(second).toHaveLength(1);
    stopSecond();
    expect(fake.count(EVENT_CHANNEL)).toBe(0);
  });
});
