import { once } from 'node:events';
import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import yazl from 'yazl';

/**
 * Evidence packages are ZIP files written with yazl and read with yauzl: entries stream from disk
 * (a clip can be large), text and PDFs are deflated, and ZIP64 takes over by itself past 4 GiB or
 * 65,534 entries.
 */

/** A file to put into an archive: bytes in memory, or a file on disk that is streamed in. */
export type ZipInput = { name: string; bytes: Uint8Array } | { name: string; file: string };

/** A file read back from an archive. */
export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

/** What the reader tells about an entry before its content streams. */
export interface ZipEntryHeader {
  name: string;
  /** Uncompressed size in bytes. */
  size: number;
  /** ZIP compression method: 0 stored, 8 deflated. */
  method: number;
}

// Fixed metadata, so the same files in the same order make the same archive byte for byte and a
// package can be rebuilt and compared. Local midnight: the DOS date fields then say 1980-01-01
// 00:00 in every time zone; forceDosTimestamp leaves out the UTC "UT" field that would not.
const FIXED_MTIME = new Date(1980, 0, 1);
const FIXED_MODE = 0o100644;
/** Formats that are compressed already: deflating them again costs time and gains nothing. */
const STORED = /\.(webm|mkv|mp4|jpe?g|png|zip)$/i;

export interface ArchiveOptions {
  /**
   * Write the ZIP64 structures even where sizes and counts do not need them. yazl switches to
   * ZIP64 by itself past 4 GiB or 65,534 entries; this lets a test take that path cheaply.
   */
  forceZip64?: boolean;
}

function entryOptions(name: string, options: ArchiveOptions): Partial<yazl.Options> {
  return { mtime: FIXED_MTIME, mode: FIXED_MODE, compress: !STORED.test(name), forceDosTimestamp: true, forceZip64Format: options.forceZip64 ?? false };
}

function archive(inputs: readonly ZipInput[], options: ArchiveOptions): Readable {
  const zip = new yazl.ZipFile();
  // A PassThrough, typed by @types/yazl as the older NodeJS.ReadableStream.
  const output = zip.outputStream as Readable;
  // yazl reports a missing or unreadable input on the ZipFile, not on its output: pass it on.
  zip.on('error', (error: Error) => output.destroy(error));
  for (const input of inputs) {
    if ('file' in input) zip.addFile(input.file, input.name, entryOptions(input.name, options));
    else zip.addBuffer(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), input.name, entryOptions(input.name, options));
  }
  zip.end({ forceZip64Format: options.forceZip64 ?? false, comment: '' });
  return output;
}

/** The archive in memory: for small packages and tests. Large clips go through writeZipFile. */
export async function writeZip(inputs: readonly ZipInput[], options: ArchiveOptions = {}): Promise<Buffer> {
  return Buffer.concat((await archive(inputs, options).toArray()) as Buffer[]);
}

/**
 * Streams the archive to `file` through a temporary name, so that a package that failed halfway
 * is never found under the real name. Resolves to the archive's size in bytes.
 */
export async function writeZipFile(inputs: readonly ZipInput[], file: string, options: ArchiveOptions = {}): Promise<number> {
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  try {
    await pipeline(archive(inputs, options), out);
    fs.renameSync(partial, file);
  } catch (error) {
    // A source that fails at once can fail while the file is still being opened: wait until the
    // stream has closed it, or the open would create the file again after it was removed.
    if (!out.closed) await once(out, 'close').catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return fs.statSync(file).size;
}

/** Passes an entry's bytes through and fails at the end when they do not match the entry's CRC-32. */
function crcChecked(name: string, expected: number): Transform {
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      done(crc >>> 0 === expected >>> 0 ? null : new Error(`${name} does not match its ZIP checksum`));
    },
  });
}

/**
 * Reads an archive (bytes, or the path of a file) entry by entry, in the order of its central
 * directory, and hands each entry's content to `visit` as a stream, which it must read to the end.
 * yauzl checks names and sizes; the CRC-32 is checked here, as the content streams.
 */
export async function readZipEntries(source: Buffer | string, visit: (entry: ZipEntryHeader, content: Readable) => Promise<void>): Promise<void> {
  const options = { lazyEntries: true, strictFileNames: true, validateEntrySizes: true };
  const zip = typeof source === 'string' ? await yauzl.openPromise(source, options) : await yauzl.fromBufferPromise(source, options);
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const raw = await zip.openReadStreamPromise(entry);
      const content = crcChecked(entry.fileName, entry.crc32);
      // pipe() does not pass errors on; a damaged entry (wrong size, bad deflate data) must fail the read.
      raw.on('error', (error) => content.destroy(error));
      raw.pipe(content);
      await visit({ name: entry.fileName, size: entry.uncompressedSize, method: entry.compressionMethod }, content);
    }
  } finally {
    zip.close();
  }
}

/** Every entry with its bytes in memory: for small archives and tests. */
export async function readZip(source: Buffer | string): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  await readZipEntries(source, async ({ name }, content) => {
    entries.push({ name, bytes: Buffer.concat((await content.toArray()) as Buffer[]) });
  });
  return entries;
}
