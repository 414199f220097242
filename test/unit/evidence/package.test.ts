import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidence } from '../../../src/evidence/verify';
import { readZip, readZipEntries, writeZip } from '../../../src/evidence/zip';
import { createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';
import { bytes, ok, openMugOrder, packMugs } from '../app/video/support';

let f: StationFixture;
let zip: Buffer;
let zipFile: string;

/** The package with one file's bytes replaced. */
async function tampered(name: RegExp, change: (bytes: Buffer) => Buffer): Promise<Buffer> {
  const entries = await readZip(zip);
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
  zipFile = f.station.mediaFile('evidence', made.file)!;
  zip = fs.readFileSync(zipFile);
  expect(path.basename(made.file)).toMatch(/^PD-100001-\d{8}T\d{6}Z\.zip$/);
});
afterAll(() => f.close());

describe('evidence package', () => {
  it('holds the report, the clip, the entries, the chain proof and a signed manifest, and verifies', async () => {
    const names = (await readZip(zip)).map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['report.pdf', 'journal/entries.json', 'journal/chain.json', 'station-key.txt', 'manifest.json', 'manifest.sig']),
    );
    expect(names.some((n) => /^video\/.+\.webm$/.test(n))).toBe(true);
    const check = await verifyEvidence(zip);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ ok: true, orderNumber: 'PD-100001', clips: 1 });
    expect(check.entries).toBeGreaterThan(5);
    const entries = JSON.parse((await readZip(zip)).find((e) => e.name === 'journal/entries.json')!.bytes.toString()) as { type: string }[];
    expect(entries.map((e) => e.type)).toEqual(expect.arrayContaining(['pack.opened', 'pack.scan', 'pack.weighed', 'video.segment', 'pack.completed']));
  });

  it.each([
    ['the report', /^report\.pdf$/, /report\.pdf was changed/],
    ['the clip', /^video\//, /video\/.+ was changed/],
    ['the entries', /^journal\/entries\.json$/, /entries\.json was changed/],
    ['the chain proof', /^journal\/chain\.json$/, /chain\.json was changed/],
  ])('fails when %s is changed', async (_what, name, problem) => {
    const check = await verifyEvidence(await tampered(name, flipLastByte));
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(problem);
  });

  it('fails when the manifest is changed, even with every sum recomputed to match', async () => {
    const check = await verifyEvidence(
      await tampered(/^manifest\.json$/, (b) => {
        const manifest = JSON.parse(b.toString()) as { stationId: string };
        manifest.stationId = 'ST-99';
        return Buffer.from(JSON.stringify(manifest));
      }),
    );
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/manifest\.json was changed: its signature does not match/);
  });

  it('fails when an entry is edited and its hash recomputed: the signed chain no longer holds it', async () => {
    const check = await verifyEvidence(
      await tampered(/^journal\/chain\.json$/, (b) => {
        const proof = JSON.parse(b.toString()) as { rows: { type: string; payload: string }[] };
        const scan = proof.rows.find((r) => r.type === 'pack.scan')!;
        scan.payload = scan.payload.replace('"accepted"', '"wrong_item"');
        return Buffer.from(JSON.stringify(proof));
      }),
    );
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/journal chain: entry \d+ \(pack\.scan\) was changed/);
  });

  it('verifies from the file on disk, as `packdesk evidence verify` reads it', async () => {
    expect(await verifyEvidence(zipFile)).toMatchObject({ ok: true, orderNumber: 'PD-100001', clips: 1, problems: [] });
  });

  it('deflates the report and the journal, and stores the clip as recorded', async () => {
    const methods: Record<string, number> = {};
    await readZipEntries(zip, async ({ name, method }, content) => {
      methods[name] = method;
      await content.toArray();
    });
    expect(methods).toMatchObject({ 'report.pdf': 8, 'journal/entries.json': 8, 'journal/chain.json': 8, 'manifest.json': 8 });
    const clip = Object.keys(methods).find((n) => n.startsWith('video/'))!;
    expect(methods[clip]).toBe(0);
  });

  it('fails when a file is in the package twice: which copy an unzip tool shows is not certain', async () => {
    const entries = await readZip(zip);
    const report = entries.find((e) => e.name === 'report.pdf')!;
    const check = await verifyEvidence(await writeZip([...entries, { name: report.name, bytes: Buffer.from('%PDF-1.7 another report') }]));
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/report\.pdf is in the package twice/);
  });
});
