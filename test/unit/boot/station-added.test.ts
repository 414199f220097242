import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src/contract/errors';
import { DATABASE_FILE } from '../../../src/boot/data-dir';
import { bootStation, type BootedStation } from '../../../src/boot/station';
import { PRINTED_DOCUMENT_KINDS } from '../../../src/contract/printing';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-station-added-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ok<T>(promise: Promise<Result<unknown>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

interface Profile {
  documentKind: string;
  printerKind: string;
  target: string;
  format: string;
  raw: boolean;
}

/** A manager at the console reads the station's printers and whether it is ready to print. */
async function printersOf(booted: BootedStation): Promise<{ profiles: Profile[]; printers: { missing: string[]; pdfFolder: string | null } }> {
  const { dispatch } = booted.station;
  await ok(dispatch('auth.badge', { badge: 'PD-M-0001', pin: '7001' }));
  const { profiles } = await ok<{ profiles: Profile[] }>(dispatch('printers.profiles', {}));
  const { printers } = await ok<{ printers: { missing: string[]; pdfFolder: string | null } }>(dispatch('print.queue', {}));
  return { profiles, printers };
}

describe('a station added to a data folder later (serve --station)', () => {
  it('gets the PDF folder printer for every document, as the demo stations did, and prints from its first start', async () => {
    const seeded = await bootStation({ dataDir: dir, host: 'cli', seedDemoIfEmpty: true, demoOrders: 5 });
    const demo = await printersOf(seeded);
    await seeded.close();
    expect(demo.printers).toEqual({ missing: [], pdfFolder: path.join(dir, 'printed', 'ST-01') });

    // Restarted as a station the folder does not have yet, on the same SQLite file.
    const added = await bootStation({ dataDir: dir, host: 'browser', stationId: 'ST-09' });
    try {
      expect(added.stationId).toBe('ST-09');
      const later = await printersOf(added);
      expect(later.profiles).toEqual(demo.profiles.map((profile) => ({ ...profile, target: 'ST-09' })));
      expect(later.printers).toEqual({ missing: [], pdfFolder: path.join(dir, 'printed', 'ST-09') });

      const job = await ok<{ status: string }>(added.station.dispatch('printers.test', { documentKind: 'label' }));
      expect(job.status).toBe('queued');
      await added.station.documents.drain();
      expect(fs.readdirSync(path.join(dir, 'printed', 'ST-09'))).toHaveLength(1);
    } finally {
      await added.close();
    }

    // Started again as that station: it keeps the printers it has, whatever a manager made of them.
    const again = await bootStation({ dataDir: dir, host: 'cli', stationId: 'ST-09' });
    try {
      const { dispatch } = again.station;
      await ok(dispatch('auth.badge', { badge: 'PD-M-0001', pin: '7001' }));
      await ok(dispatch('printers.profile.remove', { documentKind: 'manifest' }));
    } finally {
      await again.close();
    }
    const kept = await bootStation({ dataDir: dir, host: 'cli', stationId: 'ST-09' });
    try {
      expect((await printersOf(kept)).printers.missing).toEqual(['manifest']);
    } finally {
      await kept.close();
    }
  });

  it('is how the first station of an empty folder comes to be too', async () => {
    const booted = await bootStation({ dataDir: dir, host: 'cli' });
    expect(booted.stationId).toBe('ST-01');
    await booted.close();
    const db = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    try {
      const rows = db
        .prepare("SELECT document_kind, printer_kind, target, format FROM printer_profiles WHERE station_id = 'ST-01' ORDER BY document_kind")
        .all();
      expect(rows).toEqual(
        [...PRINTED_DOCUMENT_KINDS].sort().map((kind) => ({ document_kind: kind, printer_kind: 'pdf_folder', target: 'ST-01', format: 'pdf' })),
      );
    } finally {
      db.close();
    }
  });
});
