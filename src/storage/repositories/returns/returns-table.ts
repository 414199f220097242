import type { Database } from 'better-sqlite3';
import type { ReturnRecord, ReturnsRepository, StoredEligibility } from '../../../app/ports/returns';
import { StationFailure } from '../../../contract/errors';
import type { DeadlineKind } from '../../../domain/returns/deadlines';
import type { ComplaintOutcome, ReturnStatus, ReturnType } from '../../../domain/returns/types';
import { numbered } from './numbered';

interface ReturnRow {
  id: number;
  number: string;
  order_id: number;
  type: string;
  status: string;
  station_id: string;
  handler_id: number;
  identified_by: string | null;
  received_at: string;
  received_on: string;
  declared_on: string | null;
  delivered_on: string | null;
  time_zone: string;
  deadline_kind: string;
  deadline_last_day: string;
  deadline_ends_at: string;
  eligibility: string;
  override_by: number | null;
  override_reason: string | null;
  refund_minor: number | null;
  refund_currency: string | null;
  outcome: string | null;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: number | null;
  closed_at: string | null;
  closed_by: number | null;
  note: string | null;
}

const RETURN_COLUMNS = `id, number, order_id, type, status, station_id, handler_id, identified_by, received_at, received_on, declared_on, delivered_on,
  time_zone, deadline_kind, deadline_last_day, deadline_ends_at, eligibility, override_by, override_reason, refund_minor, refund_currency, outcome,
  decision_reason, decided_at, decided_by, closed_at, closed_by, note`;

function toReturn(row: ReturnRow): ReturnRecord {
  return {
    id: row.id,
    number: row.number,
    orderId: row.order_id,
    type: row.type as ReturnType,
    status: row.status as ReturnStatus,
    stationId: row.station_id,
    handlerId: row.handler_id,
    identifiedBy: row.identified_by,
    receivedAt: row.received_at,
    receivedOn: row.received_on,
    declaredOn: row.declared_on,
    deliveredOn: row.delivered_on,
    timeZone: row.time_zone,
    deadline: { kind: row.deadline_kind as Exclude<DeadlineKind, 'hold'>, lastDay: row.deadline_last_day, endsAt: row.deadline_ends_at },
    eligibility: JSON.parse(row.eligibility) as StoredEligibility,
    override: row.override_by !== null && row.override_reason !== null ? { by: row.override_by, reason: row.override_reason } : null,
    refund: row.refund_minor !== null ? { amountMinor: row.refund_minor, currency: row.refund_currency ?? 'PLN' } : null,
    outcome: row.outcome as ComplaintOutcome | null,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    note: row.note,
  };
}

/** Returns themselves (returns): opened, checked, overridden, decided, closed. */
export function createReturnRecords(
  db: Database,
): Pick<ReturnsRepository, 'create' | 'byId' | 'byNumber' | 'forOrder' | 'listOpen' | 'listAll' | 'setEligibility' | 'setOverride' | 'decide' | 'close'> {
  const nextReturnId = db.prepare<[], { id: number }>('SELECT coalesce(max(id), 0) + 1 AS id FROM returns');
  const insertReturn = db.prepare(
    `INSERT INTO returns (id, number, order_id, type, status, station_id, handler_id, identified_by, received_at, received_on, declared_on,
       delivered_on, time_zone, deadline_kind, deadline_last_day, deadline_ends_at, eligibility, note, created_at, updated_at)
     VALUES (@id, @number, @order_id, @type, 'open', @station_id, @handler_id, @identified_by, @received_at, @received_on, @declared_on,
       @delivered_on, @time_zone, @deadline_kind, @deadline_last_day, @deadline_ends_at, @eligibility, @note, @received_at, @received_at)`,
  );
  const returnById = db.prepare<[number], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns WHERE id = ?`);
  const returnByNumber = db.prepare<[string], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns WHERE number = ?`);
  const returnsOfOrder = db.prepare<[number], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns WHERE order_id = ? ORDER BY id`);
  const openReturns = db.prepare<[number], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns WHERE status <> 'closed' ORDER BY deadline_ends_at, id LIMIT ?`);
  const overdueReturns = db.prepare<[string, number], ReturnRow>(
    `SELECT ${RETURN_COLUMNS} FROM returns WHERE status <> 'closed' AND deadline_ends_at <= ? ORDER BY deadline_ends_at, id LIMIT ?`,
  );
  const allReturns = db.prepare<[number], ReturnRow>(`SELECT ${RETURN_COLUMNS} FROM returns ORDER BY id DESC LIMIT ?`);
  const setEligibility = db.prepare<[string, string, number]>('UPDATE returns SET eligibility = ?, updated_at = ? WHERE id = ?');
  const setOverride = db.prepare<[number, string, string, number]>('UPDATE returns SET override_by = ?, override_reason = ?, updated_at = ? WHERE id = ?');
  const decide = db.prepare(
    `UPDATE returns SET status = 'decided', refund_minor = @refund_minor, refund_currency = @refund_currency, outcome = @outcome,
       decision_reason = @reason, decided_at = @at, decided_by = @by, updated_at = @at WHERE id = @id AND status = 'open'`,
  );
  const close = db.prepare<[string, number, string, number]>(
    "UPDATE returns SET status = 'closed', closed_at = ?, closed_by = ?, updated_at = ? WHERE id = ? AND status = 'decided'",
  );

  return {
    create: db.transaction((r) => {
      const id = nextReturnId.get()!.id;
      insertReturn.run({
        id,
        number: numbered('R', r.receivedOn, id),
        order_id: r.orderId,
        type: r.type,
        station_id: r.stationId,
        handler_id: r.handlerId,
        identified_by: r.identifiedBy,
        received_at: r.receivedAt,
        received_on: r.receivedOn,
        declared_on: r.declaredOn,
        delivered_on: r.deliveredOn,
        time_zone: r.timeZone,
        deadline_kind: r.deadline.kind,
        deadline_last_day: r.deadline.lastDay,
        deadline_ends_at: r.deadline.endsAt,
        eligibility: JSON.stringify(r.eligibility),
        note: r.note,
      });
      return toReturn(returnById.get(id)!);
    }),
    byId: (id) => {
      const row = returnById.get(id);
      return row ? toReturn(row) : null;
    },
    byNumber: (number) => {
      const row = returnByNumber.get(number.trim());
      return row ? toReturn(row) : null;
    },
    forOrder: (orderId) => returnsOfOrder.all(orderId).map(toReturn),
    listOpen: ({ limit, dueBefore }) => (dueBefore === undefined ? openReturns.all(limit) : overdueReturns.all(dueBefore, limit)).map(toReturn),
    listAll: ({ limit }) => allReturns.all(limit).map(toReturn),
    setEligibility: (id, eligibility, at) => void setEligibility.run(JSON.stringify(eligibility), at, id),
    setOverride: (id, override, at) => void setOverride.run(override.by, override.reason, at, id),
    decide(id, d) {
      const changed = decide.run({
        id,
        refund_minor: d.refund?.amountMinor ?? null,
        refund_currency: d.refund?.currency ?? null,
        outcome: d.outcome,
        reason: d.reason,
        at: d.at,
        by: d.by,
      }).changes;
      if (changed === 0) throw new StationFailure('RETURN_WRONG_STATE', 'This return has been decided already.');
    },
    close(id, by, at) {
      if (close.run(at, by, at, id).changes === 0) throw new StationFailure('RETURN_WRONG_STATE', 'Only a decided return can be closed.');
    },
  };
}
