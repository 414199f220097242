import { describe, expect, it } from 'vitest';
import type { JournalRow } from '../../../../src/app/ports/journal';
import type { JournalReplicationLink, ReplicationBatch } from '../../../../src/app/ports/replication';
import { ReplicationWorker, type ReplicationTimers } from '../../../../src/app/replication/worker';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Timers run by hand: `pending` holds what is scheduled and for how long. */
function manualTimers(): ReplicationTimers & { pending: { fn: () => void; ms: number }[] } {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    setTimeout: (fn, ms) => {
      const timer = { fn, ms };
      pending.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      const i = pending.indexOf(handle as { fn: () => void; ms: number });
      if (i >= 0) pending.splice(i, 1);
    },
  };
}

function row(seq: number): JournalRow {
  return {
    seq,
    at: '2026-12-02T10:00:00.000Z',
    stationId: 'ST-01',
    actorId: 1,
    type: 'scan',
    subjectKind: null,
    subjectId: null,
    payload: '{}',
    prevHash: 'p',
    hash: `h${seq}`,
  };
}

/** A station journal of `rows` and a central that takes whatever it is sent. */
function setUp() {
  const rows: JournalRow[] = [];
  const sent: ReplicationBatch[] = [];
  let head = 0;
  const link: JournalReplicationLink = {
    head: async () => ({ reached: true, value: { seq: head } }),
    send: async (batch) => {
      sent.push(batch);
      head = batch.entries.at(-1)?.seq ?? head;
      return { reached: true, value: { stored: batch.entries.length, headSeq: head, refused: null } };
    },
  };
  const timers = manualTimers();
  const worker = new ReplicationWorker({
    source: { fromSeq: (from, limit) => rows.filter((r) => r.seq >= from).slice(0, limit), checkpoints: () => [], lastSeq: () => rows.at(-1)?.seq ?? 0 },
    link,
    journalKey: 'key',
    logger: silent,
    pollMs: 60_000,
    timers,
  });
  /** Runs the one timer due and lets its request settle. */
  const runNext = async (): Promise<number> => {
    const next = timers.pending.shift()!;
    next.fn();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    return next.ms;
  };
  return { rows, sent, timers, worker, runNext };
}

describe('replication worker nudged on append', () => {
  it('ships a new entry at once instead of waiting out the poll', async () => {
    const { rows, sent, timers, worker, runNext } = setUp();
    worker.start();
    await runNext(); // caught up: nothing to send
    expect(timers.pending.map((t) => t.ms)).toEqual([60_000]);
    rows.push(row(1));
    worker.nudge();
    expect(timers.pending.map((t) => t.ms)).toEqual([0]);
    await runNext();
    expect(sent.map((b) => b.entries.map((e) => e.seq))).toEqual([[1]]);
    await worker.stop();
  });

  it('looks again at once when an entry came while a batch was in flight', async () => {
    const { rows, sent, timers, worker } = setUp();
    rows.push(row(1));
    worker.start();
    timers.pending.shift()!.fn(); // the first step starts; its request is in flight
    rows.push(row(2));
    worker.nudge();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(timers.pending.map((t) => t.ms)).toEqual([0]);
    timers.pending.shift()!.fn();
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent.flatMap((b) => b.entries.map((e) => e.seq))).toEqual([1, 2]);
    await worker.stop();
  });

  it('does not cut a backoff short: central down is asked again only when the backoff is over', async () => {
    const { timers, worker, runNext } = setUp();
    const down = new ReplicationWorker({
      source: { fromSeq: () => [], checkpoints: () => [], lastSeq: () => 0 },
      link: { head: async () => ({ reached: false, why: 'connection refused' }), send: async () => ({ reached: false, why: 'connection refused' }) },
      journalKey: 'key',
      logger: silent,
      timers,
    });
    down.start();
    await runNext();
    expect(timers.pending.map((t) => t.ms)).toEqual([1_000]);
    down.nudge();
    expect(timers.pending.map((t) => t.ms)).toEqual([1_000]);
    await down.stop();
    await worker.stop();
  });
});
