import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Every barcode on every page of a PDF, as zbarimg reads it ("TYPE:data"), through pdftoppm at 300 dpi. */
export function barcodesInPdf(file: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-e2e-pdf-'));
  try {
    execFileSync('pdftoppm', ['-r', '300', '-gray', '-png', file, path.join(dir, 'page')]);
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .flatMap((png) => {
        try {
          return execFileSync('zbarimg', ['--nodbus', '-q', path.join(dir, png)], { encoding: 'utf8' })
            .split('\n')
            .filter(Boolean);
        } catch (error) {
          // zbarimg exits 4 when a page has no barcode.
          if ((error as { status?: number }).status === 4) return [];
          throw error;
        }
      });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
