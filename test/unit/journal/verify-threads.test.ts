import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalRows } from '../../../src/app/ports/journal';
import { verifyJournalFile } from '../../../src/boot/verify-journal';
import { verifyJournal } from '../../../src/journal/verify';
import { TAMPERINGS, tamperedJournal } from './tampered-journals';
import { bundleForChild, type ChildBundle } from '../../support/child-bundle';

let worker: ChildBundle;

// The worker runs as built JavaScript, as in dist/ (better-sqlite3 stays external).
beforeAll(async () => {
  worker = await bundleForChild('src/boot/journal-verify-thread.ts');
}, 30_000);

afterAll(() => worker.remove());

describe('journal verification on worker threads', () => {
  it('gives what one walk gives for every tampering, with the entries read on worker threads only', async () => {
    for (const tampering of TAMPERINGS) {
      const t = tamperedJournal(tampering);
      const failures: Error[] = [];
      let readHere = 0;
      // The merge may look up single entries here; the chain itself must be read by the workers.
      const rows: JournalRows = { ...t.rows, chainFromSeq: (from, limit) => (readHere++, t.rows.chainFromSeq(from, limit)) };
      const options = {
        trustedKeys: [t.key.publicKey],
        threads: 3,
        parallelFrom: 1,
        workerFile: worker.file,
        checkHere: false,
        onWorkerFailure: (e: Error) => failures.push(e),
      };
      const threaded = await verifyJournalFile(t.file, rows, options);
      expect({ tampering: tampering.name, report: threaded, failures, readHere }).toEqual({
        tampering: tampering.name,
        report: verifyJournal(t.rows, options),
        failures: [],
        readHere: 0,
      });
    }
  }, 30_000);

  it('shares the parts between this thread and the workers when it checks too', async () => {
    const t = tamperedJournal(TAMPERINGS.find((x) => x.name === 'payloads changed') ?? TAMPERINGS[0]!);
    const failures: Error[] = [];
    const report = await verifyJournalFile(t.file, t.rows, { threads: 2, parallelFrom: 1, workerFile: worker.file, onWorkerFailure: (e) => failures.push(e) });
    expect(report).toEqual(verifyJournal(t.rows));
    expect(failures).toEqual([]);
  });

  it('checks the parts in this thread when a worker fails, and says so', async () => {
    const t = tamperedJournal(TAMPERINGS.find((x) => x.name === 'entries deleted in the middle') ?? TAMPERINGS[0]!);
    const broken = path.join(path.dirname(worker.file), 'broken-worker.mjs');
    fs.writeFileSync(broken, "throw new Error('cannot open the database');\n");
    const failures: string[] = [];
    const report = await verifyJournalFile(t.file, t.rows, {
      threads: 3,
      parallelFrom: 1,
      workerFile: broken,
      onWorkerFailure: (e) => failures.push(e.message),
    });
    expect(report).toEqual(verifyJournal(t.rows));
    expect(report.problems[0]).toMatchObject({ seq: 9, kind: 'missing' });
    expect(failures).toEqual(['cannot open the database', 'cannot open the database']);
  });

  it('checks the parts one after another without a built worker, as when running from the sources', async () => {
    const t = tamperedJournal(TAMPERINGS.find((x) => x.name === 'entries swapped') ?? TAMPERINGS[0]!);
    const report = await verifyJournalFile(t.file, t.rows, { threads: 4, parallelFrom: 1, workerFile: null, maxProblems: 5 });
    expect(report).toEqual(verifyJournal(t.rows, { maxProblems: 5 }));
    expect(report.moreProblems).toBe(true);
  });

  it('tells how far it got while the workers check, ending with the whole journal', async () => {
    const t = tamperedJournal(TAMPERINGS[0]!);
    const last = t.rows.last()!.seq;
    const seen: [number, number][] = [];
    const options = { trustedKeys: [t.key.publicKey], threads: 3, parallelFrom: 1, workerFile: worker.file, checkHere: false, progressEveryMs: 1 };
    await verifyJournalFile(t.file, t.rows, { ...options, onProgress: (checked, total) => seen.push([checked, total]) });
    expect(seen.at(-1)).toEqual([last, last]);
    expect(seen.every(([checked, total], i) => total === last && checked <= last && (i === 0 || checked >= seen[i - 1]![0]))).toBe(true);
  }, 30_000);
});
