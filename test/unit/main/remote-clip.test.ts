import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RemoteClipAnswer } from '../../../src/app/central/remote-clips';
import { byteRange } from '../../../src/platform/byte-range';
import { remoteClipTargetFor } from '../../../main/remote-clip';

type Handler = (request: { url: string; method: string; headers: Headers }) => Promise<Response>;

// protocol.handle is captured so the real app:// handler is asked as Chromium would ask it.
const captured = vi.hoisted(() => ({ handlers: new Map<string, unknown>() }));
vi.mock('electron', () => ({
  protocol: { registerSchemesAsPrivileged: () => undefined, handle: (scheme: string, handler: unknown) => captured.handlers.set(scheme, handler) },
}));
const { serveApp } = await import('../../../main/protocol');

/** Station ST-B's clip 7 as central relays it, bytes 0..999. */
const CLIP = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
/** What the core was asked for: a refused URL must never get this far. */
const asked: { stationId: string; segmentId: number; range: string | null }[] = [];
let loggedIn = true;
let handle: Handler;

/** Stands in for Station.remoteClip: answers with central's status and headers, as files-link.ts passes them on. */
async function remoteClip(stationId: string, segmentId: number, range: string | null): Promise<RemoteClipAnswer | null> {
  asked.push({ stationId, segmentId, range });
  if (!loggedIn) return null;
  if (stationId !== 'ST-B') return { ok: false, status: 403, error: { code: 'FORBIDDEN', message: 'Log in as a manager.' } };
  if (segmentId !== 7) return { ok: false, status: 404, error: { code: 'VIDEO_SEGMENT_NOT_FOUND', message: 'Central knows no clip.' } };
  const r = byteRange(range, CLIP.length);
  if (r === 'unsatisfiable') throw new Error('not in this test');
  const bytes = CLIP.subarray(r.start, r.end + 1);
  const headers: Record<string, string> = { 'content-type': 'video/webm', 'accept-ranges': 'bytes', 'content-length': String(bytes.length) };
  if (r.partial) headers['content-range'] = `bytes ${r.start}-${r.end}/${CLIP.length}`;
  return {
    ok: true,
    clip: {
      status: r.partial ? 206 : 200,
      headers,
      body: (async function* () {
        yield bytes.slice(0, 5);
        yield bytes.slice(5);
      })(),
    },
  };
}

beforeAll(() => {
  serveApp('/nonexistent-renderer', { files: () => null, remoteClips: remoteClip }, () => undefined);
  handle = captured.handlers.get('app') as Handler;
});

const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => handle({ url, method, headers: new Headers(headers) });

describe("app:// plays another station's clip through the core, as the browser host's /video/central/<station>/<segment>", () => {
  it('reads the station and the segment from the raw URL, refusing traversal and odd ids before the core is asked', () => {
    expect(remoteClipTargetFor('app://packdesk/media/central/ST-B/7')).toEqual({ ok: true, stationId: 'ST-B', segmentId: 7 });
    expect(remoteClipTargetFor('app://packdesk/media/central/PACK%20B/12')).toEqual({ ok: true, stationId: 'PACK B', segmentId: 12 });
    expect(remoteClipTargetFor('app://packdesk/media/central/../7')).toMatchObject({ ok: false, status: 403 });
    expect(remoteClipTargetFor('app://packdesk/media/central/%2e%2e/7')).toMatchObject({ ok: false, status: 403 });
    expect(remoteClipTargetFor('app://packdesk/media/central/ST-B%2fx/7')).toMatchObject({ ok: false, status: 403 });
    expect(remoteClipTargetFor('app://packdesk/media/central/ST-B/7a')).toMatchObject({ ok: false, status: 404 });
    expect(remoteClipTargetFor('app://packdesk/media/central/ST-B/7/x')).toMatchObject({ ok: false, status: 404 });
    expect(remoteClipTargetFor('app://evil/media/central/ST-B/7')).toMatchObject({ ok: false, status: 404 });
  });

  it('answers a Range with 206 and just those bytes, and no Range with the whole clip', async () => {
    asked.length = 0;
    const part = await get('app://packdesk/media/central/ST-B/7', { Range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(part.headers.get('content-type')).toBe('video/webm');
    expect(part.headers.get('cache-control')).toBe('no-store');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(CLIP.subarray(100, 200));
    expect(asked).toEqual([{ stationId: 'ST-B', segmentId: 7, range: 'bytes=100-199' }]);

    const whole = await get('app://packdesk/media/central/ST-B/7');
    expect(whole.status).toBe(200);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(CLIP);
    expect(asked.at(-1)?.range).toBeNull();

    const head = await get('app://packdesk/media/central/ST-B/7', { Range: 'bytes=0-9' }, 'HEAD');
    expect(head.status).toBe(206);
    expect(head.body).toBeNull();
  });

  it("says the core's refusals as the browser host does, and asks nothing for a refused URL or method", async () => {
    const forbidden = await get('app://packdesk/media/central/ST-C/7');
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Log in as a manager.' } });
    expect((await get('app://packdesk/media/central/ST-B/8')).status).toBe(404);
    loggedIn = false;
    expect((await get('app://packdesk/media/central/ST-B/7')).status).toBe(401);
    loggedIn = true;

    asked.length = 0;
    expect((await get('app://packdesk/media/central/%2e%2e/7')).status).toBe(403);
    expect((await get('app://packdesk/media/central/ST-B/x')).status).toBe(404);
    expect((await get('app://packdesk/media/central/ST-B/7', {}, 'POST')).status).toBe(405);
    expect(asked).toEqual([]);
  });
});
