import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../main/channels';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [full] : [];
  });
}

describe('IPC channels', () => {
  it('are two distinct names', () => {
    expect(INVOKE_CHANNEL).not.toBe(EVENT_CHANNEL);
  });

  it('are written nowhere but main/channels.ts', () => {
    const writers = ['main', 'src', 'renderer']
      .flatMap((dir) => sourceFiles(path.join(root, dir)))
      .filter((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return (
          text.includes(`'${INVOKE_CHANNEL}'`) ||
          text.includes(`'${EVENT_CHANNEL}'`) ||
          text.includes(`"${INVOKE_CHANNEL}"`) ||
          text.includes(`"${EVENT_CHANNEL}"`)
        );
      })
      .map((file) => path.relative(root, file));
    expect(writers).toEqual([path.join('main', 'channels.ts')]);
  });
});
