import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Small files only the station's user may read (keys, secrets), created once and shared by every
 * process that starts on the same data folder. A file appears whole or not at all: it is written
 * under a temporary name, flushed, and linked into place, and link() never overwrites, so two
 * processes starting together end up with the first one's file, and a crash mid-write leaves no
 * half-written key behind.
 */
export const OWNER_ONLY = 0o600;

/** The file's bytes, or null when absent; a copy that lost its mode (a restore, a USB stick) is tightened again. */
export function readOwnerOnly(file: string): Buffer | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, OWNER_ONLY);
  return bytes;
}

/** Publishes `bytes` as `file` with mode 0600 unless the name is taken already (then the existing file stays). */
export function publishOnce(file: string, bytes: Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', OWNER_ONLY);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * The value kept in `file`, made by `make` and published on first use. `parse` turns the bytes
 * into the value and throws a sentence saying what to do when they are damaged; whoever lost the
 * race to create the file parses the winner's bytes, so every process holds the same value.
 */
export function loadOrCreateOwnerOnly<T>(file: string, make: () => Uint8Array, parse: (bytes: Buffer) => T): T {
  const existing = readOwnerOnly(file);
  if (existing) return parse(existing);
  publishOnce(file, make());
  const published = readOwnerOnly(file);
  if (!published) throw new Error(`${file} was written but could not be read back.`);
  return parse(published);
}
