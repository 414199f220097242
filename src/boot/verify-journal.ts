import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JournalRows } from '../app/ports/journal';
import { mergeParts, partContext, reviewCheckpoints, type JournalVerification, type VerifyOptions } from '../journal/verify';
import { checkPart, claimParts, planParts, threadsFor, type PartReport } from '../journal/verify-parts';
import type { VerifyThreadAnswer, VerifyThreadData, VerifyThreadTask } from './journal-verify-thread';

export interface ThreadedVerifyOptions extends VerifyOptions {
  /** Threads to check with, this one included; default: the cores available (at most 4 are used). */
  threads?: number;
  /** The built worker module; default: journal-verify-thread.mjs of the running bundle. null: check every part in this thread. */
  workerFile?: string | null;
  /** Journals with fewer entries are checked by this thread alone (default PARALLEL_FROM_ENTRIES). */
  parallelFrom?: number;
  /** false leaves every part to the worker threads, keeping this thread's event loop free (a host serving a screen). Default true. */
  checkHere?: boolean;
  /** Told when a worker failed; the parts it left unreported are checked in this thread instead (same result, more time). */
  onWorkerFailure?: (error: Error) => void;
  /**
   * Told every `progressEveryMs` how many entries are checked or being checked, of how many: the
   * parts claimed so far. Only heard while this thread's event loop runs (checkHere: false).
   */
  onProgress?: (checked: number, total: number) => void;
  progressEveryMs?: number;
}

const WORKER_MODULE = 'journal-verify-thread.mjs';
/**
 * Parts per thread. Threads claim parts until none are left, so one that starts late (opening
 * its connection runs SQLite's quick check) or is slowed by other work on the machine checks
 * fewer; more parts even this out finer, at a cost of one page read each.
 */
const PARTS_PER_THREAD = 8;

/**
 * Verifies the journal in `file` with worker threads, each over its own read-only connection,
 * and this thread over `rows`: contiguous parts, merged into exactly what verifyJournal gives.
 * Without a built worker (running from the TypeScript sources) the parts are checked here in turn.
 */
export async function verifyJournalFile(file: string, rows: JournalRows, options: ThreadedVerifyOptions = {}): Promise<JournalVerification> {
  const lastSeq = rows.last()?.seq ?? 0;
  const threads = threadsFor(lastSeq, options.threads ?? os.availableParallelism(), options.parallelFrom);
  const parts = planParts(lastSeq, threads === 1 ? 1 : threads * PARTS_PER_THREAD);
  const workerFile = options.workerFile === undefined ? bundledWorkerFile() : options.workerFile;
  // Started first: opening a connection takes a while, and overlaps the signature checks below.
  const helpers = workerFile === null ? [] : Array.from({ length: threads - 1 }, () => startHelper(workerFile, file));
  let ticker: ReturnType<typeof setInterval> | null = null;
  const stopTicker = () => {
    if (ticker) clearInterval(ticker);
    ticker = null;
  };
  try {
    const review = reviewCheckpoints(rows.checkpoints(), options.trustedKeys);
    const context = partContext(review, options);
    const claims = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const claimed = new Int32Array(claims);
    const progress = () => {
      const k = Math.min(parts.length, Atomics.load(claimed, 0));
      options.onProgress?.(k === 0 ? 0 : (parts[k - 1]?.to ?? lastSeq), lastSeq);
    };
    ticker = options.onProgress ? setInterval(progress, options.progressEveryMs ?? 100) : null;
    const answers = helpers.map((helper) => helper.check({ parts, claims, context }));
    const reports = new Map<number, PartReport>(options.checkHere === false && helpers.length > 0 ? [] : claimParts(rows, parts, claims, context));
    for (const answer of answers) {
      try {
        for (const [k, report] of await answer) reports.set(k, report);
      } catch (error) {
        options.onWorkerFailure?.(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const ordered = parts.map((part, k) => reports.get(k) ?? checkPart(rows, part, context));
    stopTicker();
    options.onProgress?.(lastSeq, lastSeq);
    return mergeParts(rows, ordered, review, options);
  } finally {
    stopTicker();
    for (const helper of helpers) void helper.worker.terminate();
  }
}

interface Helper {
  worker: Worker;
  check(task: VerifyThreadTask): Promise<[number, PartReport][]>;
}

function startHelper(workerFile: string, file: string): Helper {
  const worker = new Worker(workerFile, { workerData: { file } satisfies VerifyThreadData });
  const answer = new Promise<[number, PartReport][]>((resolve, reject) => {
    worker.once('message', (a: VerifyThreadAnswer) => (a.ok ? resolve(a.reports) : reject(new Error(a.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the journal verify worker stopped (exit ${code}) before it answered`)));
  });
  // A worker that fails before it is given work must not count as an unhandled rejection.
  answer.catch(() => undefined);
  return {
    worker,
    check(task) {
      worker.postMessage(task);
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
