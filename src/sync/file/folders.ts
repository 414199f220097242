import fs from 'node:fs';
import path from 'node:path';
import { StationFailure } from '../../contract/errors';

/** The real path of `file`: its nearest existing folder with every symlink followed, then the rest as written. */
function realPathOf(file: string): string | null {
  const rest: string[] = [];
  for (let existing = file; ;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...rest);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return null;
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}

/**
 * The folders an administrator allowed the file backend on this station itself (station-config.json,
 * never the API). Every path from the sync settings is resolved through its symlinks and must
 * land inside one of them; the file is then read or written at that resolved path.
 */
export class ShopFileFolders {
  constructor(readonly folders: readonly string[]) {}

  /**
   * The real path to read or write. Anything else gets one and the same refusal, whether it
   * exists, is unreadable or is missing, so the API cannot probe the station's disk.
   */
  resolve(file: string): string {
    const real = path.isAbsolute(file) ? realPathOf(path.resolve(file)) : null;
    if (real && this.folders.some((folder) => isInside(realPathOf(path.resolve(folder)) ?? folder, real))) return real;
    const allowed = this.folders.length > 0 ? this.folders.join(', ') : '(none)';
    throw new StationFailure(
      'SYNC_PATH_NOT_ALLOWED',
      `Shop files must be inside a folder allowed on this station: ${allowed}. An administrator adds one at the station with "packdesk config file-folders add".`,
      { folders: allowed },
    );
  }
}
