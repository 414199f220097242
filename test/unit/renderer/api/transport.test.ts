import { afterEach, describe, expect, it } from 'vitest';
import { mediaUrl, setTransport } from '../../../../renderer/api/client';
import { ipcTransport, type PackdeskBridge } from '../../../../renderer/api/transport';
import { remoteClipTargetFor } from '../../../../main/remote-clip';

const bridge: PackdeskBridge = {
  invoke: async (method, input) => ({ ok: true, value: { method, input } }),
  subscribe: (name, cb) => {
    cb({ name, payload: { stationId: 'ST-01' } });
    return () => undefined;
  },
};

describe('ipcTransport', () => {
  const transport = ipcTransport(bridge);

  it('passes calls and events through the preload bridge', async () => {
    expect(await transport.invoke('station.info', {})).toEqual({ ok: true, value: { method: 'station.info', input: {} } });
    const got: unknown[] = [];
    transport.subscribe('queue.changed', (event) => got.push(event));
    expect(got).toEqual([{ name: 'queue.changed', payload: { stationId: 'ST-01' } }]);
  });

  it("loads media from main's app:// protocol, not from a browser host's routes", () => {
    expect(transport.mediaUrl('clip', '42')).toBe('app://packdesk/media/clip/42');
    expect(transport.mediaUrl('evidence', 'PD-100004-20250301T101500Z.zip')).toBe('app://packdesk/media/evidence/PD-100004-20250301T101500Z.zip');
  });

  it("loads another station's clip from main's app://packdesk/media/central/<station>/<segment>, which main reads back", () => {
    const url = transport.mediaUrl('clip', '7', 'ST-B');
    expect(url).toBe('app://packdesk/media/central/ST-B/7');
    expect(remoteClipTargetFor(url)).toEqual({ ok: true, stationId: 'ST-B', segmentId: 7 });
    expect(transport.mediaUrl('clip', '7', 'PACK B/2')).toBe('app://packdesk/media/central/PACK%20B%2F2/7');
    // This station's own clip, with no station or a null one, stays where it was.
    expect(transport.mediaUrl('clip', '7', null)).toBe('app://packdesk/media/clip/7');
  });

  it('encodes the id as one path segment', () => {
    expect(transport.mediaUrl('evidence', '../../secret')).toBe('app://packdesk/media/evidence/..%2F..%2Fsecret');
  });
});

describe('mediaUrl', () => {
  afterEach(() => setTransport(ipcTransport(bridge)));

  it('asks whichever transport the page runs on', () => {
    setTransport(ipcTransport(bridge));
    expect(mediaUrl('clip', '3')).toBe('app://packdesk/media/clip/3');
    expect(mediaUrl('clip', '3', 'ST-B')).toBe('app://packdesk/media/central/ST-B/3');
    setTransport({ ...ipcTransport(bridge), mediaUrl: (kind, id) => `/host/${kind}/${id}` });
    expect(mediaUrl('evidence', 'a.zip')).toBe('/host/evidence/a.zip');
  });
});
