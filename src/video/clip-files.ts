import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { VideoFiles } from '../app/ports/video';

/**
 * Clip files under the data folder. Every chunk is appended and fsync'd before the call returns,
 * so a crash or power cut loses at most the chunk in flight: WebM from MediaRecorder is a stream
 * of clusters, and a file cut after any cluster still plays up to there.
 */
export function createClipFiles(dataDir: string): VideoFiles {
  const resolve = (relative: string): string => {
    const file = path.resolve(dataDir, relative);
    // Paths come from our own database, but a path that leaves the data folder is never touched.
    if (!file.startsWith(path.resolve(dataDir) + path.sep)) throw new Error(`Video path ${relative} is outside the data folder.`);
    return file;
  };
  return {
    append(relative, bytes) {
      const file = resolve(relative);
      // Owner-only: the video shows the packer and the customer's address label.
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const fd = fs.openSync(file, 'a', 0o600);
      try {
        let written = 0;
        while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
        fs.fsyncSync(fd);
        return fs.fstatSync(fd).size;
      } finally {
        fs.closeSync(fd);
      }
    },
    size(relative) {
      return fs.statSync(resolve(relative), { throwIfNoEntry: false })?.size ?? 0;
    },
    sha256(relative) {
      const file = resolve(relative);
      if (!fs.existsSync(file)) return null;
      const hash = createHash('sha256');
      const fd = fs.openSync(file, 'r');
      try {
        const buffer = Buffer.alloc(1 << 20);
        for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
      } finally {
        fs.closeSync(fd);
      }
      return hash.digest('hex');
    },
    remove(relative) {
      fs.rmSync(resolve(relative), { force: true });
    },
    locate(relative) {
      const file = resolve(relative);
      return fs.existsSync(file) ? file : null;
    },
  };
}
