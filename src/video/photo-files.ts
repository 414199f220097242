import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PhotoFiles } from '../app/ports/returns';

/**
 * The returns desk's photos under the data folder's returns/photos/, named by their hash: written
 * whole, fsync'd and renamed into place, so a crash never leaves half a photo under a real name.
 */
export function createPhotoFiles(dataDir: string): PhotoFiles {
  const root = path.resolve(dataDir);
  const resolve = (relative: string): string => {
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) throw new Error(`Photo path ${relative} is outside the data folder.`);
    return file;
  };
  return {
    write(name, bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const relative = `returns/photos/${sha256.slice(0, 2)}/${sha256}-${name.replace(/[^A-Za-z0-9.-]/g, '_')}`;
      const file = resolve(relative);
      // Owner-only: photos show customers' labels and addresses.
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const temporary = `${file}.part`;
      const fd = fs.openSync(temporary, 'w', 0o600);
      try {
        let written = 0;
        while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temporary, file);
      return { path: relative, sha256 };
    },
    read(relative) {
      const file = resolve(relative);
      return fs.existsSync(file) ? new Uint8Array(fs.readFileSync(file)) : null;
    },
    locate(relative) {
      const file = resolve(relative);
      return fs.existsSync(file) ? file : null;
    },
  };
}
