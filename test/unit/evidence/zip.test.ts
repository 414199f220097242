import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip, writeZip, writeZipFile, type ZipInput } from '../../../src/evidence/zip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-zip-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const clipFile = path.join(dir, 'clip.webm');
// Random bytes stand in for a clip: they do not compress, as a real WebM does not.
fs.writeFileSync(clipFile, crypto.randomBytes(300_000));

const inputs = (): ZipInput[] => [
  { name: 'report.pdf', bytes: Buffer.from('%PDF-1.7\n'.repeat(500)) },
  { name: 'video/clip.webm', file: clipFile },
  { name: 'stills/entry-7.jpg', bytes: crypto.createHash('sha512').update('still').digest() },
  {
    name: 'journal/entries.json',
    bytes: Buffer.from(
      JSON.stringify(
        Array.from({ length: 200 }, (_, seq) => ({ seq, type: 'pack.scan' })),
        null,
        2,
      ),
    ),
  },
  { name: 'zażółć.txt', bytes: Buffer.from('UTF-8 names stay UTF-8\n') },
];

/** Central-directory facts of every entry, as any unzip tool sees them. */
async function headers(zip: Buffer) {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const seen = [];
  for await (const e of file.eachEntry()) {
    seen.push({
      name: e.fileName,
      method: e.compressionMethod,
      date: e.lastModFileDate,
      time: e.lastModFileTime,
      attributes: e.externalFileAttributes,
      extra: e.extraFields.map((f) => f.id),
      compressed: e.compressedSize,
      size: e.uncompressedSize,
    });
  }
  return seen;
}

describe('evidence ZIP archives', () => {
  it('are byte-identical for the same files in the same order, in memory and on disk, whatever the files on disk say about time', async () => {
    const first = await writeZip(inputs());
    fs.utimesSync(clipFile, new Date('2031-05-06T07:08:09Z'), new Date('2031-05-06T07:08:09Z'));
    fs.chmodSync(clipFile, 0o600);
    expect((await writeZip(inputs())).equals(first)).toBe(true);
    const out = path.join(dir, 'same.zip');
    expect(await writeZipFile(inputs(), out)).toBe(first.length);
    expect(fs.readFileSync(out).equals(first)).toBe(true);
  });

  it('keep the given order, a fixed time and mode, deflate text and PDFs and store clips and stills as they are', async () => {
    const zip = await writeZip(inputs());
    const seen = await headers(zip);
    expect(seen.map((e) => e.name)).toEqual(inputs().map((i) => i.name));
    for (const e of seen) {
      // 1980-01-01 00:00 in DOS fields, and no "UT" (0x5455) field that would carry a time zone's offset.
      expect({ date: e.date, time: e.time, mode: e.attributes >>> 16, extra: e.extra }).toEqual({
        date: (0 << 9) | (1 << 5) | 1,
        time: 0,
        mode: 0o100644,
        extra: [],
      });
    }
    const method = Object.fromEntries(seen.map((e) => [e.name, e.method]));
    expect(method).toEqual({ 'report.pdf': 8, 'video/clip.webm': 0, 'stills/entry-7.jpg': 0, 'journal/entries.json': 8, 'zażółć.txt': 8 });
    const entries = seen.find((e) => e.name === 'journal/entries.json')!;
    expect(entries.compressed).toBeLessThan(entries.size / 4);

    const read = await readZip(zip);
    expect(read.map((e) => e.name)).toEqual(inputs().map((i) => i.name));
    expect(read[1]!.bytes.equals(fs.readFileSync(clipFile))).toBe(true);
    expect(read[4]!.bytes.toString()).toBe('UTF-8 names stay UTF-8\n');
  });

  // A real >4 GiB clip (yazl's CRC-32 runs at about 130 MB/s) or 65,535 entries (it adds entries in
  // quadratic time) would take half a minute or more; forcing the ZIP64 structures takes the same
  // write and read paths in milliseconds.
  it('write and read the ZIP64 structures that clips past 4 GiB bring', async () => {
    const zip = await writeZip(inputs(), { forceZip64: true });
    // ZIP64 end of central directory record and its locator, and a ZIP64 extra field (0x0001) per entry.
    expect(zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true);
    expect(zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true);
    for (const e of await headers(zip)) expect(e.extra).toContain(0x0001);
    const read = await readZip(zip);
    expect(read.map((e) => e.name)).toEqual(inputs().map((i) => i.name));
    expect(read[1]!.bytes.equals(fs.readFileSync(clipFile))).toBe(true);
    expect((await writeZip(inputs(), { forceZip64: true })).equals(zip)).toBe(true);
  });

  it('round-trip an archive of many entries in order', async () => {
    const count = 2000;
    const many = Array.from({ length: count }, (_, i) => ({ name: `stills/entry-${i}.jpg`, bytes: Buffer.from(`frame ${i}`) }));
    const read = await readZip(await writeZip(many));
    expect(read).toHaveLength(count);
    expect(read.every((e, i) => e.name === `stills/entry-${i}.jpg` && e.bytes.toString() === `frame ${i}`)).toBe(true);
  });

  it('read from a file on disk as well as from bytes', async () => {
    const out = path.join(dir, 'from-disk.zip');
    await writeZipFile(inputs(), out);
    expect((await readZip(out)).map((e) => e.name)).toEqual(inputs().map((i) => i.name));
  });

  it('refuse an entry whose bytes no longer match its checksum, and a cut-off archive', async () => {
    const zip = await writeZip([{ name: 'video/clip.webm', bytes: Buffer.from('stored bytes that are easy to find') }]);
    const damaged = Buffer.from(zip);
    const at = damaged.indexOf('easy');
    damaged[at] = damaged[at]! ^ 1;
    await expect(readZip(damaged)).rejects.toThrow(/video\/clip\.webm does not match its ZIP checksum/);
    await expect(readZip(zip.subarray(0, zip.length - 30))).rejects.toThrow();
  });

  it('leave nothing behind when an input cannot be read', async () => {
    const out = path.join(dir, 'broken.zip');
    await expect(
      writeZipFile(
        [
          { name: 'report.pdf', bytes: Buffer.from('x') },
          { name: 'video/gone.webm', file: path.join(dir, 'gone.webm') },
        ],
        out,
      ),
    ).rejects.toThrow(/ENOENT/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });
});
