import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { readStationConfig, STATION_CONFIG_FILE, writeStationConfig, type StationConfig } from '../../boot/station-config';
import { dataDirFrom, UsageError } from '../options';

const DATA_OPTION = ['--data <dir>', 'data folder (default: PACKDESK_DATA or the OS application-data folder)'] as const;

function configOf(dataDir: string): StationConfig {
  try {
    return readStationConfig(dataDir);
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}; fix or delete ${path.join(dataDir, STATION_CONFIG_FILE)}.`);
  }
}

/** The folder as the station will compare it: absolute, and an existing folder. */
function existingFolder(dir: string): string {
  const folder = path.resolve(dir);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${folder} is not an existing folder.`);
  return folder;
}

const RESTART = 'A running station takes the change when it is started again.\n';

/** `packdesk config`: station settings that only someone at the station may change, never the API. */
export function registerConfig(program: Command): void {
  const config = program.command('config').description('Change station settings that decide what the API may reach; only here, never over the API.');
  const folders = config
    .command('file-folders')
    .description('Folders the file shop backend may read and write; files named over the API must be inside one (default: <data>/shop-files).');

  folders
    .command('list')
    .description('Print the allowed folders, one a line.')
    .option(...DATA_OPTION)
    .action((opts: { data?: string }) => {
      for (const folder of configOf(dataDirFrom(opts.data)).fileBackendFolders) process.stdout.write(`${folder}\n`);
    });

  folders
    .command('add <dir>')
    .description('Allow the file backend to read and write inside this folder.')
    .option(...DATA_OPTION)
    .action((dir: string, opts: { data?: string }) => {
      const dataDir = dataDirFrom(opts.data);
      const current = configOf(dataDir);
      const folder = existingFolder(dir);
      if (!current.fileBackendFolders.includes(folder))
        writeStationConfig(dataDir, { ...current, fileBackendFolders: [...current.fileBackendFolders, folder] });
      process.stderr.write(`Allowed ${folder}. ${RESTART}`);
    });

  folders
    .command('remove <dir>')
    .description('Stop allowing the file backend inside this folder.')
    .option(...DATA_OPTION)
    .action((dir: string, opts: { data?: string }) => {
      const dataDir = dataDirFrom(opts.data);
      const current = configOf(dataDir);
      const folder = path.resolve(dir);
      if (!current.fileBackendFolders.includes(folder)) throw new UsageError(`${folder} is not an allowed folder; see "packdesk config file-folders list".`);
      writeStationConfig(dataDir, { ...current, fileBackendFolders: current.fileBackendFolders.filter((f) => f !== folder) });
      process.stderr.write(`No longer allowed: ${folder}. ${RESTART}`);
    });
}
