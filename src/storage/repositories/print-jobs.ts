import type { Database } from 'better-sqlite3';
import type { DocumentFormat, DocumentKind } from '../../app/ports/documents';
import type { NewPrintJob, PrintJob, PrintJobStatus, PrintQueue, PrinterKind } from '../../app/ports/printing';

interface JobRow {
  id: number;
  station_id: string;
  document_id: number;
  document_kind: string;
  printer_kind: string;
  target: string;
  format: string;
  raw: number;
  status: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  printer_job_ref: string | null;
  interrupted: number;
  created_at: string;
  updated_at: string;
}

/** Enough for a printer that is off for a few hours at the backoff's cap (print-queue/backoff). */
export const DEFAULT_MAX_ATTEMPTS = 30;

function toJob(row: JobRow): PrintJob {
  return {
    id: row.id,
    stationId: row.station_id,
    documentId: row.document_id,
    documentKind: row.document_kind as DocumentKind,
    printerKind: row.printer_kind as PrinterKind,
    target: row.target,
    format: row.format as DocumentFormat,
    raw: row.raw === 1,
    status: row.status as PrintJobStatus,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    printerJobRef: row.printer_job_ref,
    resent: row.interrupted > 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The print queue in SQLite: every transition is one statement, so a crash leaves no half-state. */
export function createPrintJobRepository(db: Database): PrintQueue {
  const insert = db.prepare<[Omit<JobRow, 'id' | 'printer_job_ref' | 'interrupted'>]>(
    `INSERT INTO print_jobs (station_id, document_id, document_kind, printer_kind, target, format, raw, status, attempts,
       max_attempts, last_error, next_attempt_at, created_at, updated_at)
     VALUES (@station_id, @document_id, @document_kind, @printer_kind, @target, @format, @raw, @status, @attempts,
       @max_attempts, @last_error, @next_attempt_at, @created_at, @updated_at)`,
  );
  const byIdStmt = db.prepare<[number], JobRow>('SELECT * FROM print_jobs WHERE id = ?');
  const due = db.prepare<[string, string], JobRow>(
    `SELECT * FROM print_jobs WHERE station_id = ? AND status IN ('queued', 'failed') AND next_attempt_at <= ?
     ORDER BY next_attempt_at, id LIMIT 1`,
  );
  const start = db.prepare<[string, number]>(
    "UPDATE print_jobs SET status = 'printing', attempts = attempts + 1, updated_at = ? WHERE id = ? AND status IN ('queued', 'failed')",
  );
  const done = db.prepare<[string | null, string, number]>(
    "UPDATE print_jobs SET status = 'done', printer_job_ref = ?, last_error = NULL, next_attempt_at = NULL, updated_at = ? WHERE id = ?",
  );
  const failed = db.prepare<[string, string | null, string, number]>(
    `UPDATE print_jobs SET status = 'failed', last_error = ?,
       next_attempt_at = CASE WHEN attempts < max_attempts THEN ? ELSE NULL END, updated_at = ?
     WHERE id = ? AND status = 'printing'`,
  );
  const cancelStmt = db.prepare<[string, number]>(
    "UPDATE print_jobs SET status = 'cancelled', next_attempt_at = NULL, updated_at = ? WHERE id = ? AND status IN ('queued', 'failed')",
  );
  const retryStmt = db.prepare<[string, string, number]>(
    `UPDATE print_jobs SET status = 'queued', next_attempt_at = ?, attempts = 0, updated_at = ?
     WHERE id = ? AND status IN ('failed', 'cancelled')`,
  );
  // The interrupted attempt may have reached the printer: sending the job again may print it twice.
  const recover = db.prepare<[string, string, string]>(
    "UPDATE print_jobs SET status = 'queued', interrupted = interrupted + 1, next_attempt_at = ?, updated_at = ? WHERE station_id = ? AND status = 'printing'",
  );
  const listAll = db.prepare<[string], JobRow>('SELECT * FROM print_jobs WHERE station_id = ? ORDER BY id DESC');
  const nextDue = db.prepare<[string], { at: string | null }>(
    "SELECT min(next_attempt_at) AS at FROM print_jobs WHERE station_id = ? AND status IN ('queued', 'failed')",
  );

  const byId = (id: number): PrintJob | null => {
    const row = byIdStmt.get(id);
    return row ? toJob(row) : null;
  };
  const enqueue = (job: NewPrintJob, at: string): PrintJob => {
    const { lastInsertRowid } = insert.run({
      station_id: job.stationId,
      document_id: job.documentId,
      document_kind: job.documentKind,
      printer_kind: job.printerKind,
      target: job.target,
      format: job.format,
      raw: job.raw ? 1 : 0,
      status: 'queued',
      attempts: 0,
      max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      last_error: null,
      next_attempt_at: at,
      created_at: at,
      updated_at: at,
    });
    return byId(Number(lastInsertRowid)) as PrintJob;
  };

  return {
    enqueue,
    claimNext: db.transaction((stationId: string, at: string): PrintJob | null => {
      const row = due.get(stationId, at);
      if (!row) return null;
      start.run(at, row.id);
      return byId(row.id);
    }),
    markDone(id, printerJobRef, at) {
      done.run(printerJobRef, at, id);
    },
    markFailed(id, reason, retryAt, at) {
      failed.run(reason, retryAt, at, id);
    },
    cancel: (id, at) => cancelStmt.run(at, id).changes === 1,
    retryNow: (id, at) => retryStmt.run(at, at, id).changes === 1,
    reprint(id, at) {
      const job = byId(id);
      if (!job) throw new RangeError(`There is no print job ${id} to reprint`);
      return enqueue({ ...job, maxAttempts: job.maxAttempts }, at);
    },
    recoverInterrupted: (stationId, at) => recover.run(at, at, stationId).changes,
    byId,
    list(stationId, statuses) {
      const rows = listAll.all(stationId).map(toJob);
      return statuses ? rows.filter((j) => statuses.includes(j.status)) : rows;
    },
    nextDueAt: (stationId) => nextDue.get(stationId)?.at ?? null,
  };
}
