import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main';
import { readToken } from '../../src/host/cookie-secret';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-token-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('finding 9: the token never rides in argv', () => {
  it('refuses `serve --token`, saying why and what to use, before starting anything', async () => {
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await runCli(['serve', '--data', path.join(dir, 'data'), '--port', '0', '--token', 'a-long-enough-token-123']);
    vi.restoreAllMocks();
    expect(code).not.toBe(0);
    expect(err).toMatch(/ps/);
    expect(err).toMatch(/--token-file/);
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('reads the token from a file, else from PACKDESK_TOKEN', () => {
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, 'from-a-file-0123456789\n', { mode: 0o600 });
    expect(readToken(file, 'from-env-0123456789')).toBe('from-a-file-0123456789');
    expect(readToken(undefined, ' from-env-0123456789 ')).toBe('from-env-0123456789');
    expect(readToken(undefined, undefined)).toBeUndefined();
    fs.writeFileSync(file, '\n');
    expect(() => readToken(file, undefined)).toThrow(/holds no token/);
  });
});
