import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds customers' addresses, badge hashes, packing video and the journal's
 * signing key, so only the station's own user may read it: folders 0700, files 0600.
 */
const GROUP_AND_OTHERS = 0o077;

export interface ModeRepair {
  /** Files and folders whose group or others' permissions were removed. */
  repaired: number;
  /** Ones that could not be changed (owned by someone else, say), with the first reason. */
  failed: number;
  firstFailure?: string;
}

/**
 * Makes everything this process creates from now on owner-only (the umask covers files that
 * libraries create, such as SQLite's WAL or a log's rotation history), creates the data folder
 * 0700, and repairs what an older version, a copy or a restore left open.
 */
export function keepDataFolderPrivate(dataDir: string): ModeRepair {
  process.umask(GROUP_AND_OTHERS);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return repairDataFolderModes(dataDir);
}

/**
 * Removes group and others' permissions from the data folder and everything in it. Symlinks are
 * neither followed nor changed: what they point at may not be ours. Owner bits are left alone,
 * so a folder given by mistake (a home folder, a checkout) loses no one's access but others'.
 * Windows has no such modes; its application-data folder is the user's own.
 */
export function repairDataFolderModes(dataDir: string, platform: NodeJS.Platform = process.platform): ModeRepair {
  const result: ModeRepair = { repaired: 0, failed: 0 };
  if (platform === 'win32') return result;
  const visit = (at: string): void => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(at);
      if (stat.isSymbolicLink() || !(stat.isFile() || stat.isDirectory())) return;
      if ((stat.mode & GROUP_AND_OTHERS) !== 0) {
        fs.chmodSync(at, stat.mode & 0o700);
        result.repaired++;
      }
      if (stat.isDirectory()) for (const name of fs.readdirSync(at)) visit(path.join(at, name));
    } catch (err) {
      // A file rotated or deleted during the walk is no longer exposed.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      result.failed++;
      result.firstFailure ??= `${at}: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  visit(dataDir);
  return result;
}
