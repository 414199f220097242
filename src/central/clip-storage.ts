import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** Where central keeps the clips it fetched from stations: a folder of its own, or an S3-compatible bucket. */
export interface ClipStorage {
  /** For the log: "folder /var/cache/…" or "bucket http://…/packdesk-video". */
  readonly where: string;
  /** The clip's size when central holds it, else null. */
  size(stationId: string, segmentId: number): Promise<number | null>;
  /** Takes a verified clip from a temporary file (which it may move or remove). */
  put(stationId: string, segmentId: number, file: string, size: number, sha256: string): Promise<void>;
  /** Bytes start..end (inclusive) of a clip it holds. */
  read(stationId: string, segmentId: number, start: number, end: number): Promise<Readable>;
}

/** A station id as a file or key name: hex, so no id can climb out of its folder. */
export const stationKey = (stationId: string) => Buffer.from(stationId, 'utf8').toString('hex');

/** Clips under a folder of central's host (`--video-cache`), owner-only: one file per station and segment. */
export function createFolderClipStorage(dir: string): ClipStorage {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const fileOf = (stationId: string, segmentId: number) => path.join(dir, stationKey(stationId), `${segmentId}.webm`);
  return {
    where: `folder ${dir}`,
    async size(stationId, segmentId) {
      return fs.statSync(fileOf(stationId, segmentId), { throwIfNoEntry: false })?.size ?? null;
    },
    async put(stationId, segmentId, file) {
      const target = fileOf(stationId, segmentId);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      try {
        fs.renameSync(file, target);
      } catch {
        // Another file system: copy, then let the caller's temporary file go.
        fs.copyFileSync(file, target);
        fs.rmSync(file, { force: true });
      }
      fs.chmodSync(target, 0o600);
    },
    async read(stationId, segmentId, start, end) {
      return fs.createReadStream(fileOf(stationId, segmentId), { start, end });
    },
  };
}
