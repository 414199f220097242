import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentArchive, DocumentRecords, StoredDocument } from '../../app/ports/documents';

export interface ArchiveOptions {
  dataDir: string;
  records: DocumentRecords;
  clock: () => Date;
}

function safePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60);
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where a held document's record says it is: nowhere on disk (the folder is never made). */
const HELD_PREFIX = 'held/';

/**
 * Every printed document kept in the data folder under documents/YYYY/MM/, with its SHA-256 in
 * the database, so a reprint is the same bytes and a changed file is noticed, not printed.
 * Badge cards are held instead: their bytes in this process's memory only, until released.
 */
export function createDocumentArchive(options: ArchiveOptions): DocumentArchive {
  const { dataDir, records, clock } = options;
  const held = new Map<number, Uint8Array>();
  return {
    hold(kind, document) {
      const iso = clock().toISOString();
      // A random stand-in, not the bytes' hash: a hash of a badge card could be checked against guessed badges.
      const nonce = randomBytes(32).toString('hex');
      const record = records.insert({
        kind,
        format: document.format,
        path: `${HELD_PREFIX}${iso.replace(/[:.]/g, '')}-${kind}-${nonce.slice(0, 12)}.${document.format}`,
        sha256: nonce,
        bytes: document.bytes.length,
        createdAt: iso,
      });
      held.set(record.id, document.bytes);
      return record;
    },
    release(id) {
      const bytes = held.get(id);
      // Overwritten as well as dropped, so the card does not linger in the heap until collected.
      bytes?.fill(0);
      held.delete(id);
    },
    keep(kind, document, links) {
      const now = clock();
      const iso = now.toISOString();
      const hash = sha256(document.bytes);
      const subject = links.manifestNumber ?? links.orderNumber ?? 'station';
      const parcel = links.parcelIndex ? `-p${links.parcelIndex}` : '';
      const name = `${iso.replace(/[:.]/g, '')}-${kind}-${safePart(subject)}${parcel}-${hash.slice(0, 8)}.${document.format}`;
      const relative = path.posix.join('documents', iso.slice(0, 4), iso.slice(5, 7), name);
      const file = path.join(dataDir, relative);
      // Owner-only: labels and slips carry the customer's name and address.
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written beside and renamed, so a crash never leaves half a document under the real name.
      const partial = `${file}.partial`;
      fs.writeFileSync(partial, document.bytes, { mode: 0o600 });
      fs.renameSync(partial, file);
      return records.insert({ kind, format: document.format, path: relative, sha256: hash, bytes: document.bytes.length, ...links, createdAt: iso });
    },
    read(id) {
      const record = records.byId(id);
      if (!record) throw new RangeError(`There is no stored document ${id}`);
      if (record.path.startsWith(HELD_PREFIX)) {
        const bytes = held.get(id);
        if (!bytes) throw new Error(`The ${record.kind.replace('_', ' ')} ${id} is not kept once printed (it is a credential): issue a new one`);
        return bytes;
      }
      const bytes = fs.readFileSync(path.join(dataDir, record.path));
      if (sha256(bytes) !== record.sha256) {
        throw new Error(`Stored document ${record.path} no longer matches its SHA-256; it was changed after it was made`);
      }
      return bytes;
    },
    forOrder: (orderNumber): StoredDocument[] => records.forOrder(orderNumber),
    forManifest: (manifestNumber): StoredDocument[] => records.forManifest(manifestNumber),
    byId: (id) => records.byId(id),
  };
}
