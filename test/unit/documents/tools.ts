import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * Real tools read the documents back: poppler (pdftoppm, pdftotext, pdffonts, pdfinfo), qpdf,
 * zbarimg and dmtxread. Debian packages: poppler-utils, qpdf, zbar-tools, dmtx-utils.
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function scratchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-docs-'));
  dirs.push(dir);
  return dir;
}

function writeTemp(bytes: Uint8Array, name: string): string {
  const file = path.join(scratchDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every symbol zbarimg finds in a PNG, as "TYPE:data" lines, sorted. */
export function zbar(png: string): string[] {
  let out = '';
  try {
    out = run('zbarimg', ['--nodbus', '-q', png]);
  } catch (error) {
    // zbarimg exits 4 when it finds nothing: that is an empty answer, not a crash.
    if ((error as { status?: number }).status !== 4) throw error;
  }
  return out
    .split('\n')
    .filter((l) => l.length > 0)
    .sort();
}

/** Rasterises every page at 300 dpi (grey) and reads all barcodes on each page. */
export function pdfBarcodes(pdf: Uint8Array, dpi = 300): string[][] {
  const file = writeTemp(pdf, 'doc.pdf');
  const prefix = path.join(path.dirname(file), 'page');
  run('pdftoppm', ['-r', String(dpi), '-gray', '-png', file, prefix]);
  const pages = fs
    .readdirSync(path.dirname(file))
    .filter((f) => f.startsWith('page'))
    .sort();
  return pages.map((p) => zbar(path.join(path.dirname(file), p)));
}

export function pdfText(pdf: Uint8Array, layout = false): string {
  return run('pdftotext', [...(layout ? ['-layout'] : []), writeTemp(pdf, 'doc.pdf'), '-']);
}

/** pdffonts rows: [name, type, encoding, emb, sub, uni]. */
export function pdfFonts(pdf: Uint8Array): string[][] {
  return run('pdffonts', [writeTemp(pdf, 'doc.pdf')])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim().length > 0)
    .map((l) => l.trim().split(/\s+/));
}

export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', [writeTemp(pdf, 'doc.pdf')]).split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) info[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return info;
}

/** qpdf --check: throws on a broken file; returns its output, which must carry no warnings. */
export function qpdfCheck(pdf: Uint8Array): string {
  return run('qpdf', ['--check', writeTemp(pdf, 'doc.pdf')]);
}

/** Renders ZPL with zpl-renderer-js (Zebrash in WebAssembly) and reads back its barcodes. */
export async function zplBarcodes(zpl: Uint8Array, stock: { widthMm: number; heightMm: number }, dpi: 203 | 300): Promise<string[]> {
  const { ready } = await import('zpl-renderer-js');
  const { api } = await ready;
  const png = await api.zplToBase64Async(Buffer.from(zpl).toString('utf8'), stock.widthMm, stock.heightMm, dpi === 203 ? 8 : 12);
  return zbar(writeTemp(Buffer.from(png, 'base64'), 'label.png'));
}
