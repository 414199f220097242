// The entry point of a thread that checks parts of the journal (dist/journal-verify-thread.mjs).
// It opens its own read-only connection as soon as it starts, while the main thread checks the
// checkpoint signatures, then claims parts until none are left.
import { parentPort, workerData } from 'node:worker_threads';
import { claimParts, type JournalPart, type PartContext, type PartReport } from '../journal/verify-parts';
import { openDatabase } from '../storage/db';
import { createJournalRows } from '../storage/repositories/journal-rows';

export interface VerifyThreadData {
  /** The station database file. */
  file: string;
}

export interface VerifyThreadTask {
  parts: readonly JournalPart[];
  /** One Int32 shared by every thread: the index of the next part nobody has claimed. */
  claims: SharedArrayBuffer;
  context: PartContext;
}

/** Reports by part index; on failure, the parts this thread claimed but did not report are checked again by the main thread. */
export type VerifyThreadAnswer = { ok: true; reports: [index: number, report: PartReport][] } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('journal-verify-thread runs as a worker thread, started by verifyJournalFile');
// The parent opened (and integrity-checked) this file before starting the worker.
const db = openDatabase((workerData as VerifyThreadData).file, { readonly: true, alreadyChecked: true });

port.once('message', (task: VerifyThreadTask) => {
  let answer: VerifyThreadAnswer;
  try {
    answer = { ok: true, reports: claimParts(createJournalRows(db), task.parts, task.claims, task.context) };
  } catch (err) {
    answer = { ok: false, message: err instanceof Error ? err.message : String(err) };
  } finally {
    db.close();
  }
  port.postMessage(answer);
});
