import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Whether ffmpeg can be run here; stills are left out (and the report says so) without it. */
export function ffmpegAvailable(): boolean {
  const probe = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore', timeout: 10_000 });
  return probe.status === 0;
}

/**
 * One frame of a clip at `seconds`, as JPEG. The seek goes after -i: MediaRecorder's WebM has no
 * cue index, so only decoding from the start lands on the right frame.
 */
export function extractStill(clipFile: string, seconds: number): Uint8Array | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-still-'));
  try {
    const out = path.join(dir, 'still.jpg');
    const run = spawnSync('ffmpeg', ['-v', 'error', '-i', clipFile, '-ss', Math.max(0, seconds).toFixed(2), '-frames:v', '1', '-q:v', '4', '-y', out], {
      stdio: 'ignore',
      timeout: 60_000,
    });
    if (run.status !== 0 || !fs.existsSync(out)) return null;
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
