import { describe, it, expect } from 'vitest';
import { readHostParams } from '../../../../renderer/api/host-params';
import { httpTransport } from '../../../../renderer/api/http';

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(status: number, body: unknown, sent: Sent[]) {
  return async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
}

class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly handlers = new Map<string, (event: MessageEvent) => void>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.handlers.set(type, listener);
  }
  close() {}
  push(type: string, data: string) {
    this.handlers.get(type)?.({ data } as MessageEvent);
  }
}

const openEvents = (url: string) => new FakeEventSource(url);

describe('httpTransport', () => {
  it('posts the input to /api/<method> with the station, never a token', async () => {
    const sent: Sent[] = [];
    const transport = httpTransport({ params: { station: 'ST-02' }, fetch: fakeFetch(200, { ok: true, value: 7 }, sent), openEvents });
    expect(await transport.invoke('queue.list', { search: 'anna' })).toEqual({ ok: true, value: 7 });
    expect(sent[0]?.url).toBe('/api/queue.list');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.body).toBe('{"search":"anna"}');
    expect(sent[0]?.init.headers).toEqual({ 'content-type': 'application/json', 'x-packdesk-station': 'ST-02' });
  });

  it('sends no station header when the page named no station', async () => {
    const sent: Sent[] = [];
    const transport = httpTransport({ params: { station: null }, fetch: fakeFetch(200, { ok: true, value: null }, sent), openEvents });
    await transport.invoke('auth.logout', {});
    expect(Object.keys(sent[0]?.init.headers ?? {})).toEqual(['content-type']);
  });

  it('passes domain errors and validation errors through as data', async () => {
    const refused = { ok: false, error: { code: 'ORDER_OPEN_ELSEWHERE', message: 'x', params: { station: 'ST-03' } } };
    const t1 = httpTransport({ params: { station: null }, fetch: fakeFetch(200, refused, []), openEvents });
    expect(await t1.invoke('pack.open', { code: 'A' })).toEqual(refused);
    const invalid = { ok: false, error: { code: 'VALIDATION_FAILED', message: 'bad' } };
    const t2 = httpTransport({ params: { station: null }, fetch: fakeFetch(400, invalid, []), openEvents });
    expect(await t2.invoke('pack.open', { code: '' })).toEqual(invalid);
  });

  it('turns a 401 without a body into UNAUTHORIZED', async () => {
    const transport = httpTransport({ params: { station: null }, fetch: fakeFetch(401, 'nope', []), openEvents });
    const result = await transport.invoke('station.info', {});
    expect(result.ok ? null : result.error.code).toBe('UNAUTHORIZED');
  });

  it('reports an unreachable host as data, never as a throw', async () => {
    const transport = httpTransport({
      params: { station: null },
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      openEvents,
    });
    const result = await transport.invoke('station.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', params: { reason: 'unreachable' } } });
  });

  it('opens one event stream for the station, with no token in its address, and delivers parsed payloads', () => {
    FakeEventSource.opened = [];
    const transport = httpTransport({ params: { station: 'ST-02' }, fetch: fakeFetch(200, {}, []), openEvents });
    const got: unknown[] = [];
    const stop = transport.subscribe('queue.changed', (e) => got.push(e));
    transport.subscribe('auth.changed', () => got.push('auth'));
    expect(FakeEventSource.opened.map((s) => s.url)).toEqual(['/events?station=ST-02']);
    const source = FakeEventSource.opened[0]!;
    source.push('queue.changed', '{"stationId":null}');
    source.push('queue.changed', 'not json');
    stop();
    source.push('queue.changed', '{"stationId":"ST-02"}');
    expect(got).toEqual([{ name: 'queue.changed', payload: { stationId: null } }]);
  });
});

describe('httpTransport media addresses', () => {
  // Read from a page address that carried a token, the way client.ts reads it.
  const storage = { getItem: () => null, setItem: () => undefined };
  const params = readHostParams({ search: '?station=ST-02&token=s3cret' } as Location, storage);

  it("points at the browser host's clip and evidence routes, with no token in the address", () => {
    const transport = httpTransport({ params, fetch: fakeFetch(200, {}, []), openEvents });
    expect(transport.mediaUrl('clip', '42')).toBe('/video/42');
    expect(transport.mediaUrl('evidence', 'PD-100004-20250301T101500Z.zip')).toBe('/evidence/PD-100004-20250301T101500Z.zip');
  });

  it('keeps the host base and encodes the id as one path segment', () => {
    const transport = httpTransport({ params, fetch: fakeFetch(200, {}, []), openEvents, base: 'http://127.0.0.1:5180' });
    expect(transport.mediaUrl('clip', '7')).toBe('http://127.0.0.1:5180/video/7');
    expect(transport.mediaUrl('evidence', '../secret?x')).toBe('http://127.0.0.1:5180/evidence/..%2Fsecret%3Fx');
  });

  it("points another station's clip at the host's /video/central/<station>/<segment>, each part one path segment", () => {
    const transport = httpTransport({ params, fetch: fakeFetch(200, {}, []), openEvents });
    expect(transport.mediaUrl('clip', '42', 'ST-B')).toBe('/video/central/ST-B/42');
    expect(transport.mediaUrl('clip', '42', '../ST?B')).toBe('/video/central/..%2FST%3FB/42');
    expect(transport.mediaUrl('clip', '42', null)).toBe('/video/42');
    const based = httpTransport({ params, fetch: fakeFetch(200, {}, []), openEvents, base: 'http://127.0.0.1:5180' });
    expect(based.mediaUrl('clip', '7', 'PACK-B')).toBe('http://127.0.0.1:5180/video/central/PACK-B/7');
  });
});

describe('host parameters', () => {
  const memory = () => {
    const values = new Map<string, string>();
    return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
  };

  it('keeps the station from the address for later reloads', () => {
    const storage = memory();
    expect(readHostParams({ search: '?station=ST-02&token=abc' }, storage)).toEqual({ station: 'ST-02' });
    expect(readHostParams({ search: '' }, storage)).toEqual({ station: 'ST-02' });
  });
});
