import type { Database } from 'better-sqlite3';
import type { ManifestBook, ManifestParcelRecord, ManifestRecord, ManifestStatus } from '../../app/ports/documents';
import { StationFailure } from '../../contract/errors';

interface ManifestRow {
  id: number;
  number: string;
  carrier: string;
  date: string;
  status: string;
  opened_at: string;
  closed_at: string | null;
}

interface ParcelRow {
  tracking_number: string;
  order_number: string;
  parcel_index: number;
  sscc: string | null;
  weight_grams: number;
  ship_name: string;
  ship_postcode: string;
  ship_city: string;
  ship_country: string;
  added_at: string;
}

function toManifest(row: ManifestRow): ManifestRecord {
  return {
    id: row.id,
    number: row.number,
    carrier: row.carrier,
    date: row.date,
    status: row.status as ManifestStatus,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}

function toParcel(row: ParcelRow): ManifestParcelRecord {
  return {
    trackingNumber: row.tracking_number,
    orderNumber: row.order_number,
    parcelIndex: row.parcel_index,
    sscc: row.sscc,
    weightGrams: row.weight_grams,
    shipTo: { name: row.ship_name, postcode: row.ship_postcode, city: row.ship_city, country: row.ship_country },
    addedAt: row.added_at,
  };
}

/** Manifests per carrier and day; a closed manifest and its parcels no longer change. */
export function createManifestRepository(db: Database): ManifestBook {
  const byNumber = db.prepare<[string], ManifestRow>('SELECT * FROM manifests WHERE number = ?');
  const byId = db.prepare<[number], ManifestRow>('SELECT * FROM manifests WHERE id = ?');
  const openOne = db.prepare<[string, string], ManifestRow>("SELECT * FROM manifests WHERE carrier = ? AND date = ? AND status = 'open'");
  const ofDay = db.prepare<[string, string], ManifestRow>('SELECT * FROM manifests WHERE carrier = ? AND date = ? ORDER BY id');
  const insert = db.prepare<[string, string, string, string]>("INSERT INTO manifests (number, carrier, date, status, opened_at) VALUES (?, ?, ?, 'open', ?)");
  const close = db.prepare<[string, number]>("UPDATE manifests SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'");
  const parcels = db.prepare<[number], ParcelRow>('SELECT * FROM manifest_parcels WHERE manifest_id = ? ORDER BY added_at, rowid');
  const parcelManifest = db.prepare<[string], ManifestRow>(
    'SELECT m.* FROM manifest_parcels p JOIN manifests m ON m.id = p.manifest_id WHERE p.tracking_number = ?',
  );
  const addParcel = db.prepare(
    `INSERT INTO manifest_parcels (manifest_id, tracking_number, order_number, parcel_index, sscc, weight_grams, ship_name,
       ship_postcode, ship_city, ship_country, added_at)
     VALUES (@manifest_id, @tracking_number, @order_number, @parcel_index, @sscc, @weight_grams, @ship_name, @ship_postcode,
       @ship_city, @ship_country, @added_at)`,
  );
  const removeParcel = db.prepare<[number, string]>('DELETE FROM manifest_parcels WHERE manifest_id = ? AND tracking_number = ?');

  const requireOpen = (manifestId: number): ManifestRecord => {
    const row = byId.get(manifestId);
    if (!row) throw new StationFailure('VALIDATION_FAILED', `There is no manifest ${manifestId}.`);
    if (row.status !== 'open') throw new StationFailure('VALIDATION_FAILED', `Manifest ${row.number} is closed; its parcels are locked.`);
    return toManifest(row);
  };

  return {
    openFor: db.transaction((carrier: string, date: string, at: string): ManifestRecord => {
      const open = openOne.get(carrier, date);
      if (open) return toManifest(open);
      const sequence = ofDay.all(carrier, date).length + 1;
      const number = `${carrier.toUpperCase()}-${date.replaceAll('-', '')}-${sequence}`;
      insert.run(number, carrier, date, at);
      return toManifest(byNumber.get(number) as ManifestRow);
    }),
    addParcel: db.transaction((manifestId: number, parcel, at: string) => {
      requireOpen(manifestId);
      const holder = parcelManifest.get(parcel.trackingNumber);
      if (holder && holder.id !== manifestId) {
        throw new StationFailure('VALIDATION_FAILED', `Parcel ${parcel.trackingNumber} is already on manifest ${holder.number}.`);
      }
      if (holder) return;
      addParcel.run({
        manifest_id: manifestId,
        tracking_number: parcel.trackingNumber,
        order_number: parcel.orderNumber,
        parcel_index: parcel.parcelIndex,
        sscc: parcel.sscc,
        weight_grams: parcel.weightGrams,
        ship_name: parcel.shipTo.name,
        ship_postcode: parcel.shipTo.postcode,
        ship_city: parcel.shipTo.city,
        ship_country: parcel.shipTo.country,
        added_at: at,
      });
    }),
    removeParcel(manifestId, trackingNumber) {
      requireOpen(manifestId);
      removeParcel.run(manifestId, trackingNumber);
    },
    close(manifestId, at) {
      requireOpen(manifestId);
      close.run(at, manifestId);
      return toManifest(byId.get(manifestId) as ManifestRow);
    },
    byNumber(number) {
      const row = byNumber.get(number);
      return row ? toManifest(row) : null;
    },
    forCarrierDay: (carrier, date) => ofDay.all(carrier, date).map(toManifest),
    parcels: (manifestId) => parcels.all(manifestId).map(toParcel),
    isLocked: (trackingNumber) => parcelManifest.get(trackingNumber)?.status === 'closed',
  };
}
