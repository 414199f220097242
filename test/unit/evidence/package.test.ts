import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidence } from '../../../src/evidence/verify';
import { readZip, writeZip } from '../../../src/evidence/zip';
import { createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';
import { bytes, ok, openMugOrder, packMugs } from '../video/support';

let f: StationFixture;
let zip: Buffer;

/** The package with one file's bytes replaced. */
function tampered(name: RegExp, change: (bytes: Buffer) => Buffer): Buffer {
  const entries = readZip(zip);
  const target = entries.find((e) => name.test(e.name));
  if (!target) throw new Error(`no ${name} in the package`);
  return writeZip(entries.map((e) => (e === target ? { name: e.name, bytes: change(Buffer.from(e.bytes)) } : e)));
}
const flipLastByte = (b: Buffer) => {
  const copy = Buffer.from(b);
  copy.writeUInt8(copy.readUInt8(copy.length - 2) ^ 1, copy.length - 2);
  return copy;
};

beforeAll(async () => {
  f = createStationFixture();
  const { call, sessionId } = await openMugOrder(f);
  const started = await ok(call('video.start', { sessionId, mimeType: 'video/webm' }));
  if (started.mode !== 'webcam') throw new Error('expected webcam mode');
  await ok(call('video.chunk', { segmentId: started.segment.id, index: 0, ms: 1000, data: bytes('not really a webm, but hashed like one') }));
  await packMugs(f);
  f.clock.advance(1000);
  await ok(call('video.stop', { segmentId: started.segment.id }));
  await ok(call('pack.complete', {}));
  await ok(call('auth.logout', {}));
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  const made = await ok(typedCall(f.station)('review.evidence', { orderNumber: 'PD-100001' }));
  zip = fs.readFileSync(f.station.mediaFile('evidence', made.file)!);
  expect(path.basename(made.file)).toMatch(/^PD-100001-\d{8}T\d{6}Z\.zip$/);
});
afterAll(() => f.close());

describe('evidence package', () => {
  it('holds the report, the clip, the entries, the chain proof and a signed manifest, and verifies', () => {
    const names = readZip(zip).map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['report.pdf', 'journal/entries.json', 'journal/chain.json', 'station-key.txt', 'manifest.json', 'manifest.sig']));
    expect(names.some((n) => /^video\/.+\.webm$/.test(n))).toBe(true);
    const check = verifyEvidence(zip);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ ok: true, orderNumber: 'PD-100001', clips: 1 });
    expect(check.entries).toBeGreaterThan(5);
    const entries = JSON.parse(readZip(zip).find((e) => e.name === 'journal/entries.json')!.bytes.toString()) as { type: string }[];
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['pack.opened', 'pack.scan', 'pack.weighed', 'video.segment', 'pack.completed']));
  });

  it.each([
    ['the report', /^report\.pdf$/, /report\.pdf was changed/],
    ['the clip', /^video\//, /video\/.+ was changed/],
    ['the entries', /^journal\/entries\.json$/, /entries\.json was changed/],
    ['the chain proof', /^journal\/chain\.json$/, /chain\.json was changed/],
  ])('fails when %s is changed', (_what, name, problem) => {
    const check = verifyEvidence(tampered(name, flipLastByte));
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(problem);
  });

  it('fails when the manifest is changed, even with every sum recomputed to match', () => {
    const check = verifyEvidence(
      tampered(/^manifest\.json$/, (b) => {
        const manifest = JSON.parse(b.toString()) as { stationId: string };
        manifest.stationId = 'ST-99';
        return Buffer.from(JSON.stringify(manifest));
      }),
    );
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/manifest\.json was changed: its signature does not match/);
  });

  it('fails when an entry is edited and its hash recomputed: the signed chain no longer holds it', () => {
    const check = verifyEvidence(
      tampered(/^journal\/chain\.json$/, (b) => {
        const proof = JSON.parse(b.toString()) as { rows: { type: string; payload: string }[] };
        const scan = proof.rows.find((r) => r.type === 'pack.scan')!;
        scan.payload = scan.payload.replace('"accepted"', '"wrong_item"');
        return Buffer.from(JSON.stringify(proof));
      }),
    );
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/journal chain: entry \d+ \(pack\.scan\) was changed/);
  });
});
