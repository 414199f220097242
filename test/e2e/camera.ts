import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';

/** Chromium's fake camera (a moving test pattern) and an auto-accepted permission prompt: for `test.use`. */
export const FAKE_CAMERA = {
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
};

/** The station's video segments, read from its database as an operator would (read-only). */
export function readSegments<Row>(dataDir: string, sql: string): Row[] {
  const db = new Database(path.join(dataDir, 'packdesk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as Row[];
  } finally {
    db.close();
  }
}

/** A read-back tool (ffprobe, ffmpeg, zbarimg), its output; a failure throws with its stderr. */
export function runTool(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}
