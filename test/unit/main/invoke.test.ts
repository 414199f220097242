import { describe, expect, it } from 'vitest';
import { ok } from '../../../src/contract/errors';
import type { Result } from '../../../src/contract/errors';
import type { StationEvent } from '../../../src/contract/events';
import { createInvokeHandler, forwardStationEvents, WindowClients } from '../../../main/invoke';

const page = { url: 'app://packdesk/index.html', isMainFrame: true, contentsId: 1 };
let counter = 0;
const clients = () => new WindowClients(() => `w${++counter}`);

function recordingStation(answer: (method: string, input: unknown) => Promise<Result<unknown>>) {
  const calls: { method: string; input: unknown; client: string }[] = [];
  return {
    calls,
    dispatch: (method: string, input: unknown, options: { client: { key: string } }) => {
      calls.push({ method, input, client: options.client.key });
      return answer(method, input);
    },
  };
}

function recordingLog() {
  const entries: { message: string; fields: Record<string, unknown> }[] = [];
  return { entries, log: (message: string, fields: Record<string, unknown> = {}) => void entries.push({ message, fields }) };
}

describe('createInvokeHandler', () => {
  it('calls as the window the page lives in: one client per window, never shared', async () => {
    const station = recordingStation(async () => ok(null));
    const handle = createInvokeHandler(station, recordingLog().log, clients());
    await handle(page, 'auth.current', {});
    await handle(page, 'auth.current', {});
    await handle({ ...page, contentsId: 2 }, 'auth.current', {});
    const [first, again, other] = station.calls.map((c) => c.client);
    expect(first).toBe(again);
    expect(other).not.toBe(first);
  });

  it('hands a call from our page to the dispatcher and returns its Result', async () => {
    const station = recordingStation(async () => ok({ version: '0.1.0' }));
    const { log, entries } = recordingLog();
    const handle = createInvokeHandler(station, log, clients());
    await expect(handle(page, 'station.info', {})).resolves.toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(station.calls).toEqual([{ method: 'station.info', input: {}, client: expect.stringMatching(/^window:w\d+$/) }]);
    expect(entries).toEqual([]);
  });

  it.each([
    { url: 'http://evil.example/', isMainFrame: true, contentsId: 1 },
    { url: 'file:///tmp/index.html', isMainFrame: true, contentsId: 1 },
    { url: 'app://other/index.html', isMainFrame: true, contentsId: 1 },
    { url: 'app://packdesk/index.html', isMainFrame: false, contentsId: 1 },
    null,
  ])('refuses IPC from a foreign origin or frame without calling the core: %j', async (sender) => {
    const station = recordingStation(async () => ok(null));
    const { log, entries } = recordingLog();
    const result = await createInvokeHandler(station, log, clients())(sender, 'auth.badge', { badge: 'B-SECRET-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(station.calls).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.fields).toMatchObject({ url: sender?.url ?? null, method: 'auth.badge' });
  });

  it('never writes call input to the log, because it can hold a badge or PIN', async () => {
    const { log, entries } = recordingLog();
    await createInvokeHandler(
      recordingStation(async () => ok(null)),
      log,
      clients(),
    )({ url: 'http://evil.example/', isMainFrame: true, contentsId: 1 }, 'auth.pin', { userId: 1, pin: '4711' });
    expect(JSON.stringify(entries)).not.toContain('4711');
  });

  it('answers UNKNOWN_METHOD for a method that is not a string', async () => {
    const station = recordingStation(async () => ok(null));
    const result = await createInvokeHandler(station, recordingLog().log, clients())(page, { toString: () => 'x' }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(station.calls).toEqual([]);
  });

  it('turns a throwing dispatcher into INTERNAL and logs it', async () => {
    const { log, entries } = recordingLog();
    const station = recordingStation(async () => {
      throw new Error('disk on fire');
    });
    const result = await createInvokeHandler(station, log, clients())(page, 'queue.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(entries[0]?.fields).toMatchObject({ method: 'queue.list', error: 'Error: disk on fire' });
  });
});

describe('forwardStationEvents', () => {
  it('forwards { name, payload } until unsubscribed, once the emitting call has returned', async () => {
    const listeners = new Set<(event: StationEvent) => void>();
    const source = {
      subscribe(listener: (event: StationEvent) => void) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    };
    const sent: unknown[] = [];
    const stop = forwardStationEvents(source, (event) => sent.push(event));
    const event = { name: 'queue.changed', payload: { stationId: 'ST-01' }, extra: 'not forwarded' } as StationEvent;
    for (const listener of listeners) listener(event);
    expect(sent).toEqual([]);
    await new Promise(setImmediate);
    stop();
    for (const listener of listeners) listener(event);
    await new Promise(setImmediate);
    expect(sent).toEqual([{ name: 'queue.changed', payload: { stationId: 'ST-01' } }]);
    expect(listeners.size).toBe(0);
  });
});
