import type { Database } from 'better-sqlite3';
import type { NotOurParcelRecord, NotOursStatus, ReturnsRepository } from '../../../app/ports/returns';
import { StationFailure } from '../../../contract/errors';
import { numbered } from './numbered';

interface NotOursRow {
  id: number;
  number: string;
  status: string;
  station_id: string;
  handler_id: number;
  sender_name: string;
  sender_address: string | null;
  sender_email: string | null;
  sender_phone: string | null;
  carrier: string | null;
  tracking: string | null;
  scanned: string | null;
  note: string | null;
  received_at: string;
  received_on: string;
  hold_last_day: string;
  hold_ends_at: string;
  linked_order_id: number | null;
  linked_return_id: number | null;
  resolved_at: string | null;
  resolved_by: number | null;
  resolution_note: string | null;
}

const NOT_OURS_COLUMNS = `id, number, status, station_id, handler_id, sender_name, sender_address, sender_email, sender_phone, carrier, tracking, scanned,
  note, received_at, received_on, hold_last_day, hold_ends_at, linked_order_id, linked_return_id, resolved_at, resolved_by, resolution_note`;

function toNotOurs(row: NotOursRow): NotOurParcelRecord {
  return {
    id: row.id,
    number: row.number,
    status: row.status as NotOursStatus,
    stationId: row.station_id,
    handlerId: row.handler_id,
    sender: { name: row.sender_name, address: row.sender_address, email: row.sender_email, phone: row.sender_phone },
    carrier: row.carrier,
    tracking: row.tracking,
    scanned: row.scanned,
    note: row.note,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    hold: { lastDay: row.hold_last_day, endsAt: row.hold_ends_at },
    linkedOrderId: row.linked_order_id,
    linkedReturnId: row.linked_return_id,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
    resolutionNote: row.resolution_note,
  };
}

/** Parcels that are not ours (not_our_parcels): kept, held, resolved. */
export function createNotOurParcels(
  db: Database,
): Pick<ReturnsRepository, 'createNotOurs' | 'notOursByNumber' | 'notOursById' | 'notOursByTracking' | 'listHeld' | 'resolveNotOurs'> {
  const nextNotOursId = db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) + 1 AS id FROM not_our_parcels');
  const insertNotOurs = db.prepare(
    `INSERT INTO not_our_parcels (id, number, status, station_id, handler_id, sender_name, sender_address, sender_email, sender_phone, carrier,
       tracking, scanned, note, received_at, received_on, hold_last_day, hold_ends_at)
     VALUES (@id, @number, 'held', @station_id, @handler_id, @sender_name, @sender_address, @sender_email, @sender_phone, @carrier,
       @tracking, @scanned, @note, @received_at, @received_on, @hold_last_day, @hold_ends_at)`,
  );
  const notOursById = db.prepare<[number], NotOursRow>(`SELECT ${NOT_OURS_COLUMNS} FROM not_our_parcels WHERE id = ?`);
  const notOursByNumber = db.prepare<[string], NotOursRow>(`SELECT ${NOT_OURS_COLUMNS} FROM not_our_parcels WHERE number = ?`);
  const notOursByTracking = db.prepare<[string], NotOursRow>(`SELECT ${NOT_OURS_COLUMNS} FROM not_our_parcels WHERE tracking = ? ORDER BY id`);
  const held = db.prepare<[number], NotOursRow>(`SELECT ${NOT_OURS_COLUMNS} FROM not_our_parcels WHERE status = 'held' ORDER BY hold_ends_at, id LIMIT ?`);
  const resolveNotOurs = db.prepare(
    `UPDATE not_our_parcels SET status = @status, linked_order_id = @order_id, linked_return_id = @return_id, resolved_at = @at, resolved_by = @by,
       resolution_note = @note WHERE id = @id AND status = 'held'`,
  );

  return {
    createNotOurs: db.transaction((p) => {
      const id = nextNotOursId.get()!.id;
      insertNotOurs.run({
        id,
        number: numbered('NOP', p.receivedOn, id),
        station_id: p.stationId,
        handler_id: p.handlerId,
        sender_name: p.sender.name,
        sender_address: p.sender.address,
        sender_email: p.sender.email,
        sender_phone: p.sender.phone,
        carrier: p.carrier,
        tracking: p.tracking,
        scanned: p.scanned,
        note: p.note,
        received_at: p.receivedAt,
        received_on: p.receivedOn,
        hold_last_day: p.hold.lastDay,
        hold_ends_at: p.hold.endsAt,
      });
      return toNotOurs(notOursById.get(id)!);
    }),
    notOursByNumber: (number) => {
      const row = notOursByNumber.get(number.trim());
      return row ? toNotOurs(row) : null;
    },
    notOursById: (id) => {
      const row = notOursById.get(id);
      return row ? toNotOurs(row) : null;
    },
    notOursByTracking: (tracking) => notOursByTracking.all(tracking.trim()).map(toNotOurs),
    listHeld: ({ limit }) => held.all(limit).map(toNotOurs),
    resolveNotOurs(id, r) {
      const changed = resolveNotOurs.run({ id, status: r.status, order_id: r.orderId, return_id: r.returnId, at: r.at, by: r.by, note: r.note }).changes;
      if (changed === 0) throw new StationFailure('RETURN_WRONG_STATE', 'This parcel has been linked, sent back or disposed of already.');
    },
  };
}
