import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import { setTransport } from '../../../../../renderer/api/client';
import { useReviewStore } from '../../../../../renderer/features/review/reviewStore';
import { createStationFixture, type StationFixture } from '../../../../support/station-fixture';

let fx: StationFixture;

/** The review's store over a real station core and database: the transport is the only thing in between. */
beforeEach(async () => {
  fx = createStationFixture();
  setTransport({ invoke: (method, input) => fx.station.dispatch(method, input), subscribe: () => () => undefined, mediaUrl: () => '' });
  useReviewStore.getState().reset();
  for (const [type, payload] of [
    ['pack.opened', { units: 1 }],
    ['pack.scan', { raw: '05901234123457', verdict: 'order_complete', sku: 'MUG-01', units: 1 }],
    ['pack.completed', { status: 'shipped', parcels: [] }],
  ] as const) {
    fx.clock.advance(5000);
    fx.journal.append({ type, stationId: 'ST-01', actorId: 1, subject: { kind: 'order', id: 'PD-100004' }, payload });
  }
  expect(await fx.station.dispatch('auth.badge', { badge: 'PD-M-0001', pin: '1111' })).toMatchObject({ ok: true });
});
afterEach(() => fx.close());

describe('the review screen’s store', () => {
  it('opens the one order a search finds, with its entries oldest first and its people named', async () => {
    const review = useReviewStore.getState();
    review.open();
    await review.find('  pd-100004 ');
    const { timeline, matches } = useReviewStore.getState();
    expect(matches).toEqual([expect.objectContaining({ number: 'PD-100004', matchedBy: 'number' })]);
    expect(timeline?.entries.map((e) => e.type)).toEqual(['pack.opened', 'pack.scan', 'pack.completed']);
    expect(timeline?.entries[0]?.actorName).toBe('Anna Kowalska');
    expect(timeline?.chain.intact).toBe(true);
    useReviewStore.getState().select(timeline!.entries[1]!.seq);
    expect(useReviewStore.getState().selectedSeq).toBe(timeline!.entries[1]!.seq);
  });

  it('says nothing matches, and keeps no order from before', async () => {
    await useReviewStore.getState().find('PD-100004');
    await useReviewStore.getState().find('NO-SUCH-THING');
    expect(useReviewStore.getState()).toMatchObject({ searched: 'NO-SUCH-THING', matches: [], timeline: null, error: null });
  });

  it('exports the evidence package and shows the entry the export added', async () => {
    await useReviewStore.getState().find('PD-100004');
    await useReviewStore.getState().exportEvidence();
    const { evidence, timeline, error } = useReviewStore.getState();
    expect(error).toBeNull();
    expect(evidence?.file).toMatch(/PD-100004.*\.zip$/);
    expect(evidence?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(timeline?.entries.at(-1)?.type).toBe('evidence.exported');
  });

  it('shows a packer’s refusal as an error, not an empty timeline', async () => {
    await fx.station.dispatch('auth.badge', { badge: 'PD-P-0001' });
    await useReviewStore.getState().find('PD-100004');
    expect(useReviewStore.getState().error?.code).toBe('FORBIDDEN');
  });
});
