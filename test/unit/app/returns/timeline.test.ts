import { describe, expect, it } from 'vitest';
import { consoleClient } from '../../../../src/app/context';
import { bytes, openMugOrder, packMugs } from '../video/support';
import { DESK, gradedReturn, ok } from './fixture';

/** The desk above, plus PD-100001 packed by Anna at ST-01 on camera: one clip, and no return yet. */
async function withAClip() {
  const desk = await gradedReturn();
  const { fx } = desk;
  const { call, sessionId } = await openMugOrder(fx);
  const started = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
  if (started.mode !== 'webcam') throw new Error('expected webcam mode');
  await ok(call('video.chunk', { segmentId: started.segment.id, index: 0, ms: 1000, data: bytes('a clip of the mugs') }));
  await packMugs(fx);
  fx.clock.advance(1000);
  await ok(call('video.stop', { segmentId: started.segment.id }));
  await ok(call('pack.complete', {}));
  await ok(desk.call('scan.submit', { data: 'PD-R-0001', symbology: null, source: 'wedge' }, DESK));
  return { ...desk, clip: String(started.segment.id) };
}

describe('a returns handler and the order timeline', () => {
  it('reads the timeline of an order that has a return: packing and the return together', async () => {
    const { call } = await gradedReturn();
    const timeline = await ok(call('review.timeline', { orderNumber: 'PD-200001' }, DESK));
    const types = timeline.entries.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['pack.opened', 'pack.completed', 'returns.opened', 'returns.item.graded']));
  });

  it('is refused the timeline of an order without a return, and evidence and order search altogether', async () => {
    const { call, fx } = await gradedReturn();
    const before = fx.journal.lastSeq();
    expect(await call('review.timeline', { orderNumber: 'PD-100001' }, DESK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('review.evidence', { orderNumber: 'PD-200001' }, DESK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('review.find', { query: 'PD-2' }, DESK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fx.journal.range(before + 1, 10).map((e) => e.type)).toEqual([]);
  });

  it('keeps packers out of every order’s timeline, returned or not', async () => {
    const { call } = await gradedReturn();
    await ok(call('scan.submit', { data: 'PD-P-0001', symbology: null, source: 'wedge' }));
    expect(await call('review.timeline', { orderNumber: 'PD-200001' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('may watch an order’s packing clip only once the order has a return', async () => {
    const { fx, call, clip } = await withAClip();
    const handler = consoleClient('ST-03');
    expect(fx.station.mayReview(handler, { kind: 'clip', id: clip })).toBe('FORBIDDEN');
    await ok(call('returns.open', { orderNumber: 'PD-100001', type: 'withdrawal' }, DESK));
    expect(fx.station.mayReview(handler, { kind: 'clip', id: clip })).toBe('yes');
    expect(fx.station.mayReview(handler, { kind: 'evidence', id: 'PD-100001-20261120T080000Z.zip' })).toBe('FORBIDDEN');
    expect(fx.station.mayReview(handler, { kind: 'clip', id: '999999' })).toBe('FORBIDDEN');
  });
});
