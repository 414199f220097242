import type { Database } from 'better-sqlite3';
import type { DocumentFormat, DocumentKind } from '../../app/ports/documents';
import type { PrinterKind, PrinterProfile, PrinterProfileRepository } from '../../app/ports/printing';

interface ProfileRow {
  station_id: string;
  document_kind: string;
  printer_kind: string;
  target: string;
  format: string;
  raw: number;
  label_size: string | null;
}

function toProfile(row: ProfileRow): PrinterProfile {
  return {
    stationId: row.station_id,
    documentKind: row.document_kind as DocumentKind,
    printerKind: row.printer_kind as PrinterKind,
    target: row.target,
    format: row.format as DocumentFormat,
    raw: row.raw === 1,
    labelSize: row.label_size as PrinterProfile['labelSize'],
  };
}

/** One printer per document kind per station. */
export function createPrinterProfileRepository(db: Database): PrinterProfileRepository {
  const one = db.prepare<[string, string], ProfileRow>('SELECT * FROM printer_profiles WHERE station_id = ? AND document_kind = ?');
  const all = db.prepare<[string], ProfileRow>('SELECT * FROM printer_profiles WHERE station_id = ? ORDER BY document_kind');
  const upsert = db.prepare<[ProfileRow]>(
    `INSERT INTO printer_profiles (station_id, document_kind, printer_kind, target, format, raw, label_size)
     VALUES (@station_id, @document_kind, @printer_kind, @target, @format, @raw, @label_size)
     ON CONFLICT (station_id, document_kind) DO UPDATE SET printer_kind = excluded.printer_kind,
       target = excluded.target, format = excluded.format, raw = excluded.raw, label_size = excluded.label_size`,
  );
  const del = db.prepare<[string, string]>('DELETE FROM printer_profiles WHERE station_id = ? AND document_kind = ?');
  return {
    forDocument(stationId, kind) {
      const row = one.get(stationId, kind);
      return row ? toProfile(row) : null;
    },
    list: (stationId) => all.all(stationId).map(toProfile),
    set(p) {
      upsert.run({
        station_id: p.stationId,
        document_kind: p.documentKind,
        printer_kind: p.printerKind,
        target: p.target,
        format: p.format,
        raw: p.raw ? 1 : 0,
        label_size: p.labelSize ?? null,
      });
    },
    remove(stationId, kind) {
      del.run(stationId, kind);
    },
  };
}
