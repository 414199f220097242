import { expect } from 'vitest';
import type { Result } from '../../../../src/contract/errors';
import { CODES, typedCall, type StationFixture } from '../../../support/station-fixture';

export async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Logs in the manager, sets video up, then (unless the manager packs) Anna; turns webcam video on (as the manager would) and opens PD-100001 with its two mugs scanned. */
export async function openMugOrder(f: StationFixture, settings: Record<string, unknown> = { mode: 'webcam' }, packerBadge = 'PD-P-0001') {
  const call = typedCall(f.station);
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(call('video.settings.set', settings));
  if (packerBadge !== 'PD-M-0001') await ok(call('scan.submit', { data: packerBadge, symbology: null, source: 'wedge' }));
  const opened = await ok(call('scan.submit', { data: 'PD-100001', symbology: null, source: 'wedge' }));
  if (opened.kind !== 'opened') throw new Error('order did not open');
  return { call, sessionId: opened.view.sessionId };
}

/** Scans both mugs, boxes and weighs the parcel, so the order can be completed. */
export async function packMugs(f: StationFixture) {
  const call = typedCall(f.station);
  for (const data of [CODES.mug, CODES.mug, 'BOX-K1']) await ok(call('scan.submit', { data, symbology: null, source: 'wedge' }));
  f.scale.setWeight(830);
  const weighed = await ok(call('pack.weigh', { parcel: 1 }));
  expect(weighed.canComplete).toBe(true);
}

export const bytes = (text: string) => Buffer.from(text).toString('base64');
