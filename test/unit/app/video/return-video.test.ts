import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../../../support/station-fixture';
import { DESK, ok, shippedAndAtTheDesk } from '../returns/fixture';
import { bytes } from './support';

/** Rita at the returns desk ST-03, its camera on as a manager set it (block: no return is decided without its video), a withdrawal open. */
async function recordingDesk(policy: 'warn' | 'block' = 'block') {
  const desk = await shippedAndAtTheDesk();
  const { call, scan } = desk;
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }, DESK));
  await ok(call('video.settings.set', { mode: 'webcam', policy }, DESK));
  await ok(call('auth.logout', {}, DESK));
  await ok(scan('PD-R-0001', DESK));
  const { number } = await ok(call('returns.open', { orderNumber: desk.orderNumber, type: 'withdrawal' }, DESK));
  return { ...desk, number };
}

describe('the returns desk records its own clip', () => {
  it('burns the return number, the order, the handler and the desk into the overlay, and journals the clip on the order', async () => {
    const { fx, call, number } = await recordingDesk();
    const started = await ok(call('video.start', { returnNumber: number, mimeType: 'video/webm;codecs=vp8' }, DESK));
    if (started.mode !== 'webcam') throw new Error('expected webcam mode');
    expect(started.overlay).toMatchObject({
      orderNumber: 'PD-200001',
      returnNumber: number,
      person: 'Rita Returns',
      station: 'ST-03 Zwroty',
      sessionId: null,
      qrText: `packdesk:return:ST-03:${number}`,
    });
    expect(started.segment).toMatchObject({ sessionId: null, returnNumber: number, orderNumber: 'PD-200001', stationId: 'ST-03', status: 'recording' });
    expect(started.policy).toBe('block');
    const id = started.segment.id;
    await ok(call('video.chunk', { segmentId: id, index: 0, ms: 1000, data: bytes('return-') }, DESK));
    fx.clock.advance(1000);
    await ok(call('video.chunk', { segmentId: id, index: 1, ms: 1000, data: bytes('clip') }, DESK));
    const closed = await ok(call('video.stop', { segmentId: id }, DESK));
    expect(closed).toMatchObject({ status: 'closed', bytes: 11, returnNumber: number, sessionId: null });
    const file = fx.station.mediaFile('clip', String(id))!;
    expect(path.basename(file)).toMatch(new RegExp(`^ST-03-PD-200001-${number.replace(/-/g, '-')}-\\d{8}T\\d{6}Z\\.webm$`));
    expect(fs.readFileSync(file, 'utf8')).toBe('return-clip');
    // The clip's entry is the order's, like a packing clip's, and names the return.
    const entry = fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).find((e) => e.type === 'video.segment');
    expect(entry?.payload).toMatchObject({ segmentId: id, sessionId: null, returnNumber: number, bytes: 11, sha256: closed.sha256, recovered: false });
    // The order's timeline (the handler may read it: the order has a return) has the clip, in words.
    const timeline = await ok(call('review.timeline', { orderNumber: 'PD-200001', language: 'en' }, DESK));
    expect(timeline.segments).toEqual([expect.objectContaining({ id, returnNumber: number })]);
    expect(timeline.entries.find((e) => e.type === 'video.segment')?.text).toBe(`Saved the video of return ${number}: 2 s, 0 kB.`);
  });

  it('records a return only while it is open, only for someone who takes returns; a handler records no packing session', async () => {
    const { call, scan, number } = await recordingDesk('warn');
    expect(await call('video.start', { returnNumber: 'R-2026-999999' }, DESK)).toMatchObject({ ok: false, error: { code: 'RETURN_NOT_FOUND' } });
    expect(await call('video.start', { sessionId: 1 }, DESK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('video.start', { sessionId: 1, returnNumber: number }, DESK)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await call('video.start', {}, DESK)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    // A packer at a packing station cannot record a return.
    await ok(scan('PD-P-0001'));
    expect(await call('video.start', { returnNumber: number })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Decided, the return is no longer recorded.
    const item = await ok(call('returns.item.scan', { number, code: CODES.mug }, DESK));
    await ok(call('returns.item.grade', { number, itemId: item.itemId, condition: 'unopened', disposition: 'restock' }, DESK));
    await ok(call('returns.decide', { number, refund: null }, DESK));
    expect(await call('video.start', { returnNumber: number }, DESK)).toMatchObject({ ok: false, error: { code: 'RETURN_WRONG_STATE' } });
  });

  it('under the block policy decides a return only once it has video, as completion at packing', async () => {
    const { fx, call, number } = await recordingDesk('block');
    const item = await ok(call('returns.item.scan', { number, code: CODES.mug }, DESK));
    await ok(call('returns.item.grade', { number, itemId: item.itemId, condition: 'unopened', disposition: 'restock' }, DESK));
    expect(await ok(call('video.problem', { returnNumber: number, problem: 'no_camera', detail: 'NotFoundError' }, DESK))).toEqual({ policy: 'block' });
    const problem = fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).find((e) => e.type === 'video.problem');
    expect(problem).toMatchObject({ stationId: 'ST-03', payload: { returnNumber: number, sessionId: null, problem: 'no_camera', policy: 'block' } });
    const refused = await call('returns.decide', { number, refund: null }, DESK);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VIDEO_REQUIRED', params: { return: number } } });
    expect((await ok(call('returns.get', { number }, DESK))).status).toBe('open');
    // The camera comes back: a clip with frames, and the return may be decided.
    const started = await ok(call('video.start', { returnNumber: number }, DESK));
    if (started.mode !== 'webcam') throw new Error('expected webcam mode');
    expect(await call('returns.decide', { number, refund: null }, DESK)).toMatchObject({ ok: false, error: { code: 'VIDEO_REQUIRED' } });
    await ok(call('video.chunk', { segmentId: started.segment.id, index: 0, ms: 1000, data: bytes('frames') }, DESK));
    expect((await ok(call('returns.decide', { number, refund: null }, DESK))).status).toBe('decided');
  });

  it('under the warn policy a return is decided without a clip, the camera problem journaled', async () => {
    const { call, number } = await recordingDesk('warn');
    const item = await ok(call('returns.item.scan', { number, code: CODES.mug }, DESK));
    await ok(call('returns.item.grade', { number, itemId: item.itemId, condition: 'unopened', disposition: 'restock' }, DESK));
    await ok(call('video.problem', { returnNumber: number, problem: 'camera_failed', detail: 'track ended' }, DESK));
    expect((await ok(call('returns.decide', { number, refund: null }, DESK))).status).toBe('decided');
  });
});
