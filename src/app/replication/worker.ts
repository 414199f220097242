import type { Logger } from '../ports';
import type { JournalReplicationLink, ReplicationRefusal, ReplicationSource } from '../ports/replication';

export interface ReplicationTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ReplicationWorkerOptions {
  source: ReplicationSource;
  link: JournalReplicationLink;
  /** The station's journal public key, which central pins at first contact. */
  journalKey: string;
  logger: Logger;
  /** Entries per request (default 500). */
  batchSize?: number;
  /**
   * How often a caught-up station looks for new entries (default 250 ms). Hosts that call nudge()
   * on each append replicate at once; the poll is the floor for entries written any other way.
   */
  pollMs?: number;
  timers?: ReplicationTimers;
}

export interface ReplicationStatus {
  /** The highest seq central confirmed it holds; null before central was first reached. */
  centralSeq: number | null;
  localSeq: number;
  /** Why the last attempt failed (central unreachable), or null. */
  unreachable: string | null;
  /** What central refused last, or null: the station keeps its copy and a manager sees the alarm at central. */
  refused: ReplicationRefusal | null;
}

const FIRST_BACKOFF_MS = 1_000;
const LONGEST_BACKOFF_MS = 60_000;
/** After a refusal the same batch would be refused again: ask rarely, so the alarm counts retries, not floods. */
const AFTER_REFUSAL_MS = 60_000;

/**
 * Ships the station's journal to central in seq order, in batches, forever. It keeps no state of
 * its own that matters: after any interruption (a crash, the network, central down) it asks
 * central how far its copy reaches and continues from the next entry, and central takes a re-sent
 * entry it holds as a no-op. So nothing is lost and nothing is stored twice.
 */
export class ReplicationWorker {
  private handle: unknown = null;
  private stopped = true;
  private running: Promise<void> | null = null;
  private failures = 0;
  private centralSeq: number | null = null;
  /** Checkpoints up to this seq were sent (and taken, or judged) since this process started. */
  private checkpointsSentTo = 0;
  private lastUnreachable: string | null = null;
  private lastRefused: ReplicationRefusal | null = null;
  /** Caught up and waiting for the next poll: the only wait a nudge may cut short (never a backoff). */
  private waitingForPoll = false;
  /** A nudge came while a request was in flight: what it announced may not be in that batch. */
  private nudgedInFlight = false;
  private readonly timers: ReplicationTimers;
  private readonly batchSize: number;
  private readonly pollMs: number;

  constructor(private readonly options: ReplicationWorkerOptions) {
    this.timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
    this.batchSize = options.batchSize ?? 500;
    this.pollMs = options.pollMs ?? 250;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the loop; settles when a request in flight is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    await this.running;
  }

  /** New entries were written: look now rather than at the next poll, so the lag is one request, not a poll interval. */
  nudge(): void {
    if (this.stopped) return;
    if (this.handle === null) {
      this.nudgedInFlight = true;
      return;
    }
    if (!this.waitingForPoll) return;
    this.timers.clearTimeout(this.handle);
    this.schedule(0);
  }

  status(): ReplicationStatus {
    return { centralSeq: this.centralSeq, localSeq: this.options.source.lastSeq(), unreachable: this.lastUnreachable, refused: this.lastRefused };
  }

  /**
   * One step: learns central's head when it does not know it, then sends one batch. Returns
   * 'more' when entries are waiting, 'idle' when caught up, 'down' or 'refused' otherwise.
   */
  async step(): Promise<'more' | 'idle' | 'down' | 'refused'> {
    const { source, link } = this.options;
    if (this.centralSeq === null) {
      const head = await link.head();
      if (!head.reached) return this.down(head.why);
      this.centralSeq = head.value.seq;
    }
    const from = this.centralSeq + 1;
    const entries = source.fromSeq(from, this.batchSize);
    const upTo = entries.at(-1)?.seq ?? this.centralSeq;
    const checkpoints = source.checkpoints().filter((c) => c.seq > this.checkpointsSentTo && c.seq <= upTo);
    if (entries.length === 0 && checkpoints.length === 0) return 'idle';
    const sent = await link.send({ journalKey: this.options.journalKey, entries, checkpoints });
    if (!sent.reached) {
      // Central may have stored the batch before the answer was lost: ask its head again.
      this.centralSeq = null;
      return this.down(sent.why);
    }
    this.failures = 0;
    this.lastUnreachable = null;
    this.centralSeq = sent.value.headSeq;
    if (sent.value.refused) {
      if (this.lastRefused?.seq !== sent.value.refused.seq || this.lastRefused.fault !== sent.value.refused.fault) {
        this.options.logger.error('central refused this station journal', { ...sent.value.refused });
      }
      this.lastRefused = sent.value.refused;
      return 'refused';
    }
    this.lastRefused = null;
    this.checkpointsSentTo = Math.max(this.checkpointsSentTo, upTo);
    return entries.length >= this.batchSize ? 'more' : 'idle';
  }

  private down(why: string): 'down' {
    if (this.lastUnreachable === null) this.options.logger.warn('central cannot be reached for journal replication', { why });
    this.lastUnreachable = why;
    this.failures++;
    return 'down';
  }

  private schedule(ms: number, waitingForPoll = false): void {
    if (this.stopped) return;
    this.waitingForPoll = waitingForPoll;
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      this.running = this.tick();
    }, ms);
  }

  private async tick(): Promise<void> {
    let next: number;
    let outcome: Awaited<ReturnType<ReplicationWorker['step']>> | 'failed' = 'failed';
    this.nudgedInFlight = false;
    try {
      outcome = await this.step();
      next =
        outcome === 'more'
          ? 0
          : outcome === 'idle'
            ? this.pollMs
            : outcome === 'refused'
              ? AFTER_REFUSAL_MS
              : Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (this.failures - 1));
    } catch (error) {
      this.centralSeq = null;
      this.failures++;
      this.options.logger.error('journal replication step failed', { error: String(error) });
      next = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (this.failures - 1));
    }
    if (outcome === 'idle' && this.nudgedInFlight) next = 0;
    this.schedule(next, outcome === 'idle');
  }
}
