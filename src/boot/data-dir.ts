import os from 'node:os';
import path from 'node:path';

/** Where each OS keeps per-user application data, as Electron's app.getPath('appData') does. */
export function defaultAppData(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

/** --data wins over PACKDESK_DATA, which wins over the OS application-data folder. */
export function resolveDataDir(options: { flag?: string | undefined; env?: string | undefined; appData: string }): string {
  const chosen = options.flag?.trim() || options.env?.trim();
  return path.resolve(chosen || path.join(options.appData, 'Packdesk'));
}

/** The station database's file name inside the data folder. */
export const DATABASE_FILE = 'packdesk.sqlite';
