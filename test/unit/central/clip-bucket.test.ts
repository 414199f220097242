import { afterEach, describe, expect, it } from 'vitest';
import { consoleClient } from '../../../src/app/context';
import type { RunningCentral } from '../../../src/central/central';
import { bucketFromEnv, createBucketClipStorage } from '../../../src/central/clip-bucket';
import { usePostgres } from '../../support/postgres-server';
import { sigV4Signature, startFakeBucket, type FakeBucket } from '../../support/s3-fake';
import { ok } from '../app/video/support';
import { attachStation, collect, openCentralWith, recordClip, replicateStation, type AttachedStation } from './clip-fixtures';

const server = usePostgres();
const open: { central: RunningCentral[]; stations: AttachedStation[]; buckets: FakeBucket[] } = { central: [], stations: [], buckets: [] };
afterEach(async () => {
  for (const s of open.stations.splice(0)) s.f.close();
  for (const c of open.central.splice(0)) await c.close();
  for (const b of open.buckets.splice(0)) await b.close();
});

const KEY = { accessKeyId: 'AKIAPACKDESKTEST', secret: 'test/secret+key' };

describe('the fake bucket speaks S3 Signature Version 4', () => {
  it("reproduces the signature of Amazon's documented example (GET Object with a Range)", () => {
    // "Example: GET Object" of S3's sig-v4-header-based-auth page: its key, date, headers and the signature it prints.
    const signature = sigV4Signature({
      method: 'GET',
      path: '/test.txt',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        'x-amz-date': '20130524T000000Z',
      },
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      amzDate: '20130524T000000Z',
      region: 'us-east-1',
      secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });
});

describe('clips in an S3-compatible bucket', () => {
  it('central puts the verified clip in the bucket, and serves it (whole and ranges) from there, even from another central process', async () => {
    const bucket = await startFakeBucket({ bucket: 'packdesk-video', ...KEY, region: 'eu-central-1' });
    open.buckets.push(bucket);
    const storage = () =>
      createBucketClipStorage(
        bucketFromEnv(bucket.url, {
          PACKDESK_VIDEO_BUCKET_KEY_ID: KEY.accessKeyId,
          PACKDESK_VIDEO_BUCKET_SECRET: KEY.secret,
          PACKDESK_VIDEO_BUCKET_REGION: 'eu-central-1',
        }),
      );
    const database = await server().createDatabase();
    const c = await openCentralWith(database, { clipStorage: storage(), clipWaitMs: 10_000 });
    open.central.push(c);
    const a = await attachStation(c, 'ST-A');
    const b = await attachStation(c, 'ST-B');
    open.stations.push(a, b);
    const { segmentId, content } = await recordClip(b);
    await replicateStation(c, b);
    await ok(a.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    const manager = consoleClient('ST-01');

    const courier = b.f.station.central!.courier!;
    await courier.step(0);
    const [whole] = await Promise.all([a.f.station.remoteClip(manager, 'ST-B', segmentId, null), courier.step(8000)]);
    if (!whole.ok) throw new Error(whole.error.message);
    expect((await collect(whole.clip.body)).equals(content)).toBe(true);
    const [key, stored] = [...bucket.objects.entries()][0]!;
    expect(stored.equals(content)).toBe(true);
    expect(key).toBe(`clips/${Buffer.from('ST-B').toString('hex')}/${segmentId}.webm`);

    // A second central process over the same database and bucket, with B gone quiet: served from the bucket alone.
    const other = await openCentralWith(database, { clipStorage: storage(), clipWaitMs: 1000 });
    open.central.push(other);
    const a2 = await attachStation(other, 'ST-A2');
    open.stations.push(a2);
    await ok(a2.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    const ranged = await a2.f.station.remoteClip(consoleClient('ST-01'), 'ST-B', segmentId, 'bytes=100-199');
    if (!ranged.ok) throw new Error(ranged.error.message);
    expect(ranged.clip.status).toBe(206);
    expect(ranged.clip.headers['content-range']).toBe(`bytes 100-199/${content.length}`);
    expect((await collect(ranged.clip.body)).equals(content.subarray(100, 200))).toBe(true);
    expect(bucket.requests).toContain(`GET ${key} 206`);
    expect(bucket.requests.filter((r) => r.startsWith('PUT'))).toEqual([`PUT ${key} 200`]);
  }, 60_000);

  it('takes its credentials from the environment only, and says which are missing', () => {
    expect(() => bucketFromEnv('http://127.0.0.1:9000/packdesk-video', {})).toThrow(/PACKDESK_VIDEO_BUCKET_KEY_ID and PACKDESK_VIDEO_BUCKET_SECRET/);
    expect(() => bucketFromEnv('http://127.0.0.1:9000/', { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' })).toThrow(/path-style URL/);
  });
});
