import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JournalRows } from '../app/ports/journal';
import { mergeParts, partContext, reviewCheckpoints, type JournalVerification, type VerifyOptions } from '../journal/verify';
import { checkPart, planParts, type JournalPart, type PartContext, type PartReport } from '../journal/verify-parts';
import type { VerifyWorkerAnswer, VerifyWorkerData, VerifyWorkerTask } from './journal-verify-worker';

export interface ThreadedVerifyOptions extends VerifyOptions {
  /** Threads to check with, this one included; default: the cores available (at most 4 are used). */
  threads?: number;
  /** The built worker module; default: journal-verify-worker.mjs of the running bundle. null: check every part in this thread. */
  workerFile?: string | null;
  /** Journals with fewer entries are checked in one part (default PARALLEL_FROM_ENTRIES). */
  parallelFrom?: number;
  /** Told when a worker failed and its part was checked in this thread instead (same result, more time). */
  onWorkerFailure?: (error: Error, part: JournalPart) => void;
}

const WORKER_MODULE = 'journal-verify-worker.mjs';

/**
 * Verifies the journal in `file` on several threads: contiguous parts, each read by a worker
 * thread over its own read-only connection (the first by this thread over `rows`), merged into
 * exactly what verifyJournal gives. Without a built worker (running from the TypeScript
 * sources), or when a worker fails, its part is checked in this thread.
 */
export async function verifyJournalFile(file: string, rows: JournalRows, options: ThreadedVerifyOptions = {}): Promise<JournalVerification> {
  const parts = planParts(rows.last()?.seq ?? 0, options.threads ?? os.availableParallelism(), options.parallelFrom);
  const workerFile = options.workerFile === undefined ? bundledWorkerFile() : options.workerFile;
  // Started first: opening a connection takes a while, and overlaps the signature checks below.
  const helpers = workerFile === null ? [] : parts.slice(1).map(() => startHelper(workerFile, file));
  try {
    const review = reviewCheckpoints(rows.checkpoints(), options.trustedKeys);
    const context = partContext(review, options);
    const answers = parts.map((part, k) => (k === 0 ? null : (helpers[k - 1]?.check(part, context) ?? null)));
    const reports: PartReport[] = [];
    for (const [k, part] of parts.entries()) {
      const answer = answers[k];
      const fallBack = (error: unknown) => {
        options.onWorkerFailure?.(error instanceof Error ? error : new Error(String(error)), part);
        return checkPart(rows, part, context);
      };
      reports.push(answer ? await answer.catch(fallBack) : checkPart(rows, part, context));
    }
    return mergeParts(rows, reports, review, options);
  } finally {
    for (const helper of helpers) void helper.worker.terminate();
  }
}

interface Helper {
  worker: Worker;
  check(part: JournalPart, context: PartContext): Promise<PartReport>;
}

function startHelper(workerFile: string, file: string): Helper {
  const worker = new Worker(workerFile, { workerData: { file } satisfies VerifyWorkerData });
  const answer = new Promise<PartReport>((resolve, reject) => {
    worker.once('message', (a: VerifyWorkerAnswer) => (a.ok ? resolve(a.report) : reject(new Error(a.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the journal verify worker stopped (exit ${code}) before it answered`)));
  });
  // A worker that fails before its part is asked for must not count as an unhandled rejection.
  answer.catch(() => undefined);
  return {
    worker,
    check(part, context) {
      worker.postMessage({ part, context } satisfies VerifyWorkerTask);
      return answer;
    },
  };
}

/** The worker module built next to the running bundle; code splitting may put this code in dist/chunks/. */
function bundledWorkerFile(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.dirname(here)]) {
    const candidate = path.join(dir, WORKER_MODULE);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}
