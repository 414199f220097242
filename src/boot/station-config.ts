import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Logger } from '../app/ports';

/**
 * Settings only an administrator at the station may change: a file in the data folder, edited with
 * `packdesk config`, read at boot. Nothing here can be set over the API, because these settings
 * decide what the API may reach.
 */
export const STATION_CONFIG_FILE = 'station-config.json';
/** Where the file backend reads and writes when an administrator chose no other folder. */
export const DEFAULT_SHOP_FILES = 'shop-files';

const stationConfigSchema = z.object({ fileBackendFolders: z.array(z.string().min(1)).optional() }).strict();

export interface StationConfig {
  /** Absolute folders the file backend may use; relative ones in the file are taken from the data folder. */
  fileBackendFolders: string[];
}

/** The station's config; throws with the reason when the file cannot be read or is not valid. */
export function readStationConfig(dataDir: string): StationConfig {
  const file = path.join(dataDir, STATION_CONFIG_FILE);
  const defaults = [path.join(dataDir, DEFAULT_SHOP_FILES)];
  if (!fs.existsSync(file)) return { fileBackendFolders: defaults };
  const parsed = stationConfigSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return { fileBackendFolders: (parsed.data.fileBackendFolders ?? defaults).map((folder) => path.resolve(dataDir, folder)) };
}

/** Writes the config whole, through a temporary file, readable and writable by the station's user only. */
export function writeStationConfig(dataDir: string, config: StationConfig): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, STATION_CONFIG_FILE);
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}

/**
 * The file backend's folders at boot. A config that cannot be read leaves only the default
 * folder (the narrowest choice) and says so in the log; the default folder is made if missing.
 */
export function fileFoldersAtBoot(dataDir: string, logger: Logger): string[] {
  let folders: string[];
  try {
    folders = readStationConfig(dataDir).fileBackendFolders;
  } catch (error) {
    logger.error('station config ignored; the file backend uses only its default folder', { error: String(error) });
    folders = [path.join(dataDir, DEFAULT_SHOP_FILES)];
  }
  const fallback = path.join(dataDir, DEFAULT_SHOP_FILES);
  if (folders.includes(fallback)) fs.mkdirSync(fallback, { recursive: true });
  return folders;
}
