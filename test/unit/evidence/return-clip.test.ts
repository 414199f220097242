import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../src/app/pin';
import { verifyEvidence } from '../../../src/evidence/verify';
import { readZip, writeZip } from '../../../src/evidence/zip';
import { CODES, createStationFixture, type StationFixture } from '../../support/station-fixture';
import { bytes, ok, openMugOrder, packMugs } from '../app/video/support';
import { pdfText } from '../documents/tools';

const DESK = { stationId: 'ST-03' };
let f: StationFixture;
beforeEach(() => {
  f = createStationFixture();
});
afterEach(() => f.close());

/**
 * PD-100001 packed on camera at ST-01, then taken back at the returns desk ST-03 on its own
 * camera: the order has two clips, the packing session's and the return's.
 */
async function packedAndReturnedOnCamera() {
  const { call, sessionId } = await openMugOrder(f);
  const packing = await ok(call('video.start', { sessionId }));
  if (packing.mode !== 'webcam') throw new Error('expected webcam mode');
  await ok(call('video.chunk', { segmentId: packing.segment.id, index: 0, ms: 1000, data: bytes('packing-clip') }));
  await packMugs(f);
  await ok(call('pack.complete', {}));
  await ok(call('video.stop', { segmentId: packing.segment.id }));
  f.store.stations.upsert({ id: 'ST-03', name: 'Zwroty', language: 'pl', idleLogoutMinutes: 15, kind: 'returns' });
  f.store.users.insert({ name: 'Rita Returns', role: 'returns', badgeCode: 'PD-R-0001', pinHash: hashPin('1111'), language: null });
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }, DESK));
  await ok(call('video.settings.set', { mode: 'webcam' }, DESK));
  await ok(call('auth.logout', {}, DESK));
  await ok(call('scan.submit', { data: 'PD-R-0001', symbology: null, source: 'wedge' }, DESK));
  const { number } = await ok(call('returns.open', { orderNumber: 'PD-100001', type: 'withdrawal' }, DESK));
  const clip = await ok(call('video.start', { returnNumber: number }, DESK));
  if (clip.mode !== 'webcam') throw new Error('expected webcam mode');
  await ok(call('video.chunk', { segmentId: clip.segment.id, index: 0, ms: 1000, data: bytes('return-clip') }, DESK));
  const item = await ok(call('returns.item.scan', { number, code: CODES.mug }, DESK));
  await ok(call('returns.item.grade', { number, itemId: item.itemId, condition: 'damaged', disposition: 'scrap' }, DESK));
  await ok(call('video.stop', { segmentId: clip.segment.id }, DESK));
  await ok(call('returns.decide', { number, refund: null }, DESK));
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  const made = await ok(call('review.evidence', { orderNumber: 'PD-100001' }));
  return { number, zip: fs.readFileSync(f.station.mediaFile('evidence', made.file)!) };
}

describe('the evidence package of an order packed and returned on camera', () => {
  it('holds both clips, the packing session’s and the return’s, each checked against its video.segment entry', async () => {
    const { number, zip } = await packedAndReturnedOnCamera();
    const files = await readZip(zip);
    const clips = files.filter((e) => e.name.startsWith('video/')).map((e) => [e.name, Buffer.from(e.bytes).toString()]);
    expect(clips).toEqual([
      [expect.stringMatching(/^video\/ST-01-PD-100001-s\d+-.+\.webm$/), 'packing-clip'],
      [expect.stringMatching(new RegExp(`^video/ST-03-PD-100001-${number}-.+\\.webm$`)), 'return-clip'],
    ]);
    // The journal rows as stored: each payload is the JSON text the chain hashed.
    const entries = JSON.parse(files.find((e) => e.name === 'journal/entries.json')!.bytes.toString()) as { type: string; payload: string }[];
    const owners = entries.filter((e) => e.type === 'video.segment').map((e) => (JSON.parse(e.payload) as { returnNumber?: string }).returnNumber ?? null);
    expect(owners).toEqual([null, number]);
    const check = await verifyEvidence(zip);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ ok: true, orderNumber: 'PD-100001', clips: 2 });
    // The report says whose each clip is.
    const report = pdfText(files.find((e) => e.name === 'report.pdf')!.bytes).replace(/\s+/g, ' ');
    expect(report).toMatch(/Packing: video\/ST-01-PD-100001-s\d+-/);
    expect(report).toContain(`Returns desk, return ${number}: video/ST-03-PD-100001-${number}-`);
  });

  it('catches the return’s clip changed inside the package', async () => {
    const { number, zip } = await packedAndReturnedOnCamera();
    const files = await readZip(zip);
    const changed = await writeZip(files.map((e) => (e.name.includes(number) ? { name: e.name, bytes: Buffer.from('another-clip') } : e)));
    const check = await verifyEvidence(changed);
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(new RegExp(`video/ST-03-PD-100001-${number}-.+\\.webm`));
  });
});
