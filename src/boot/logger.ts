import fs from 'node:fs';
import path from 'node:path';
import { pino, type Logger as Pino } from 'pino';
import type { Logger } from '../app/ports';
import { LogFile, type LogFileOptions } from './log-file';

/** Field names whose values never reach a log file, wherever they are nested. */
const SECRET_PATHS = ['pin', 'pinHash', 'token', 'password', 'secret', 'authorization', 'badge', 'apiKey'].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface StationLog {
  logger: Logger;
  close(): Promise<void>;
}

export interface StationLogOptions extends Pick<LogFileOptions, 'retryMs' | 'minFreeBytes'> {
  alsoStdout?: boolean;
}

/**
 * JSON lines in <data>/logs/packdesk.log, rotated by size and day, ten files kept. Logging never
 * fails the caller nor ends the process: a full disk holds or drops lines (see LogFile).
 */
export function createStationLog(dataDir: string, options: StationLogOptions = {}): StationLog {
  const dir = path.join(dataDir, 'logs');
  // Owner-only like the rest of the data folder; rotating-file-stream would make the folder 0755.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = new LogFile({
    dir,
    retryMs: options.retryMs,
    minFreeBytes: options.minFreeBytes,
    onOutage: (message) => void process.stderr.write(message),
  });
  const streams: pino.StreamEntry[] = [{ stream: file }];
  if (options.alsoStdout) streams.push({ stream: process.stdout });
  return { logger: jsonLinesLogger(pino.multistream(streams)), close: () => file.close() };
}

/**
 * The same JSON lines on standard output alone, for a service whose supervisor keeps the log
 * (central under systemd or a container runtime).
 */
export function createConsoleLog(): StationLog {
  return { logger: jsonLinesLogger(process.stdout), close: async () => undefined };
}

function jsonLinesLogger(destination: pino.DestinationStream): Logger {
  const log: Pino = pino({ level: 'info', redact: { paths: SECRET_PATHS, censor: '[redacted]' }, base: { pid: process.pid } }, destination);
  return {
    info: (msg, fields) => log.info(fields ?? {}, msg),
    warn: (msg, fields) => log.warn(fields ?? {}, msg),
    error: (msg, fields) => log.error(fields ?? {}, msg),
  };
}
