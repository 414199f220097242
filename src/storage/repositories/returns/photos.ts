import type { Database } from 'better-sqlite3';
import type { ReturnPhotoRecord, ReturnsRepository } from '../../../app/ports/returns';

interface PhotoRow {
  id: number;
  return_id: number | null;
  not_ours_id: number | null;
  item_id: number | null;
  path: string;
  mime_type: string;
  bytes: number;
  sha256: string;
  station_id: string;
  taken_by: number;
  taken_at: string;
}

const PHOTO_COLUMNS = 'id, return_id, not_ours_id, item_id, path, mime_type, bytes, sha256, station_id, taken_by, taken_at';

function toPhoto(row: PhotoRow): ReturnPhotoRecord {
  return {
    id: row.id,
    returnId: row.return_id,
    notOursId: row.not_ours_id,
    itemId: row.item_id,
    path: row.path,
    mimeType: row.mime_type as ReturnPhotoRecord['mimeType'],
    bytes: row.bytes,
    sha256: row.sha256,
    stationId: row.station_id,
    takenBy: row.taken_by,
    takenAt: row.taken_at,
  };
}

/** Photos of returns, items and parcels not ours (return_photos). */
export function createReturnPhotos(db: Database): Pick<ReturnsRepository, 'addPhoto' | 'photos' | 'photo'> {
  const insertPhoto = db.prepare(
    `INSERT INTO return_photos (return_id, not_ours_id, item_id, path, mime_type, bytes, sha256, station_id, taken_by, taken_at)
     VALUES (@return_id, @not_ours_id, @item_id, @path, @mime_type, @bytes, @sha256, @station_id, @taken_by, @taken_at)`,
  );
  const photosOfReturn = db.prepare<[number], PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM return_photos WHERE return_id = ? ORDER BY id`);
  const photosOfNotOurs = db.prepare<[number], PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM return_photos WHERE not_ours_id = ? ORDER BY id`);
  const photoById = db.prepare<[number], PhotoRow>(`SELECT ${PHOTO_COLUMNS} FROM return_photos WHERE id = ?`);

  return {
    addPhoto(photo) {
      const id = Number(
        insertPhoto.run({
          return_id: photo.returnId,
          not_ours_id: photo.notOursId,
          item_id: photo.itemId,
          path: photo.path,
          mime_type: photo.mimeType,
          bytes: photo.bytes,
          sha256: photo.sha256,
          station_id: photo.stationId,
          taken_by: photo.takenBy,
          taken_at: photo.takenAt,
        }).lastInsertRowid,
      );
      return toPhoto(photoById.get(id)!);
    },
    photos: (of) => ('returnId' in of ? photosOfReturn.all(of.returnId) : photosOfNotOurs.all(of.notOursId)).map(toPhoto),
    photo: (id) => {
      const row = photoById.get(id);
      return row ? toPhoto(row) : null;
    },
  };
}
