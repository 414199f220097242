// The entry point of a thread that checks one part of the journal (dist/journal-verify-worker.mjs).
// It opens its own read-only connection as soon as it starts, while the main thread checks the
// checkpoint signatures, then waits for its part.
import { parentPort, workerData } from 'node:worker_threads';
import { checkPart, type JournalPart, type PartContext, type PartReport } from '../journal/verify-parts';
import { openDatabase } from '../storage/db';
import { createJournalRows } from '../storage/repositories/journal-rows';

export interface VerifyWorkerData {
  /** The station database file. */
  file: string;
}

export interface VerifyWorkerTask {
  part: JournalPart;
  context: PartContext;
}

export type VerifyWorkerAnswer = { ok: true; report: PartReport } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('journal-verify-worker runs as a worker thread, started by verifyJournalFile');
const db = openDatabase((workerData as VerifyWorkerData).file, { readonly: true });

port.once('message', (task: VerifyWorkerTask) => {
  let answer: VerifyWorkerAnswer;
  try {
    answer = { ok: true, report: checkPart(createJournalRows(db), task.part, task.context) };
  } catch (err) {
    answer = { ok: false, message: err instanceof Error ? err.message : String(err) };
  } finally {
    db.close();
  }
  port.postMessage(answer);
});
