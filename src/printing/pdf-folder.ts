import fs from 'node:fs';
import path from 'node:path';
import { PRINTED_FOLDER, type PrintedDocument, type PrinterAdapter } from '../app/ports/printing';

/** A folder name under `printed/`: letters, digits, dot, dash and underscore, never `..`. */
const FOLDER_NAME = /^(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;

const safePart = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);

/** `PD-1042-label-p1-17.pdf`: the order, the kind, the parcel, and the stored document's id so a reprint never overwrites. */
export function printedFileName(document: PrintedDocument | undefined, format: string, fallbackTitle: string): string {
  if (!document) return `${safePart(fallbackTitle)}.${format}`;
  const parts = [document.orderNumber ? safePart(document.orderNumber) : 'station', document.kind.replace('_', '-')];
  if (document.parcelIndex !== null) parts.push(`p${document.parcelIndex}`);
  parts.push(String(document.documentId));
  return `${parts.join('-')}.${format}`;
}

/** The folder a PDF folder profile writes into, or null when its target is not a plain folder name. */
export function printedFolder(dataDir: string, target: string): string | null {
  return FOLDER_NAME.test(target) ? path.join(dataDir, PRINTED_FOLDER, target) : null;
}

export interface PrintedFile {
  name: string;
  bytes: number;
  modifiedAt: string;
}

/** The newest files in a PDF folder, newest first. */
export function latestPrintedFiles(folder: string, limit: number): PrintedFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((n) => !n.endsWith('.partial'));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      const stat = fs.statSync(path.join(folder, name));
      return { name, bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.name.localeCompare(a.name))
    .slice(0, limit);
}

/**
 * The printer that works on every station: each document becomes a file in a folder inside the
 * data folder (PDF as .pdf, ZPL as .zpl), owner-only like everything there, since labels carry
 * customers' names and addresses. A newcomer finds the label of their first order at once.
 */
export function createPdfFolderPrinter(options: { dataDir: string }): PrinterAdapter {
  return {
    kind: 'pdf_folder',
    print(profile, bytes, title, document) {
      const folder = printedFolder(options.dataDir, profile.target);
      if (!folder) return Promise.resolve({ ok: false, reason: `The PDF folder "${profile.target}" is not a plain folder name (letters, digits, . _ -)` });
      try {
        fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
        const name = printedFileName(document, profile.format, title);
        const file = path.join(folder, name);
        // Written beside and renamed, so whoever opens the folder never finds half a label.
        const partial = `${file}.partial`;
        fs.writeFileSync(partial, bytes, { mode: 0o600 });
        fs.renameSync(partial, file);
        return Promise.resolve({ ok: true, printerJobRef: path.posix.join(PRINTED_FOLDER, profile.target, name) });
      } catch (error) {
        return Promise.resolve({ ok: false, reason: `Writing to the PDF folder ${folder} failed: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    discover: () => Promise.resolve([]),
  };
}
