import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareFace, type FontFace } from './face';

export interface Faces {
  regular: FontFace;
  bold: FontFace;
}

export const FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/**
 * assets/fonts, found by walking up from this module: it sits at src/documents/fonts in the
 * source tree and beside dist/ when bundled, and assets/ is at the repository (or app) root.
 */
export function defaultFontsDir(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, 'assets', 'fonts');
    if (fs.existsSync(path.join(candidate, FONT_FILES.regular))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`The document fonts (assets/fonts/${FONT_FILES.regular}) were not found above ${from}`);
    dir = parent;
  }
}

const prepared = new Map<string, Promise<Faces>>();

/** The subsetted faces of a fonts folder; prepared once per process and folder. */
export function loadFaces(dir: string = defaultFontsDir()): Promise<Faces> {
  let faces = prepared.get(dir);
  if (!faces) {
    faces = (async () => ({
      regular: await prepareFace(fs.readFileSync(path.join(dir, FONT_FILES.regular)), 'PDKAAA'),
      bold: await prepareFace(fs.readFileSync(path.join(dir, FONT_FILES.bold)), 'PDKAAB'),
    }))();
    faces.catch(() => prepared.delete(dir));
    prepared.set(dir, faces);
  }
  return faces;
}
