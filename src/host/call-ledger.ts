import type { Result } from '../contract/errors';

/** How long an answer is kept for a resend, and how long its id is remembered after that. */
const KEEP_ANSWER_MS = 2 * 60_000;
const KEEP_ID_MS = 15 * 60_000;
/** At most this many answers are kept; older ones are forgotten first (their ids are still remembered). */
const MAX_ANSWERS = 2_000;
const MAX_IDS = 100_000;

interface Kept {
  at: number;
  answer: Promise<Result<unknown>>;
  done: boolean;
}

/**
 * Calls that carry an id (every call over the call socket, and its resend over HTTP when the
 * socket dropped before the answer came) are dispatched at most once: a second arrival of the
 * same id gets the first one's answer and never reaches the core again. `scan.submit` has no
 * idempotency of its own (two scans of the same code are two units), so this is what keeps a
 * scan from counting twice when the page cannot know whether the host read it.
 *
 * Ids are 128-bit random values made by the page, so knowing one is knowing the call; an id
 * whose answer is no longer kept is refused rather than dispatched again.
 */
export class CallLedger {
  /** Answers kept for a resend, oldest first. */
  private readonly kept = new Map<string, Kept>();
  /** Ids whose answers were dropped, oldest first, with when they arrived. */
  private readonly spent = new Map<string, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  /**
   * Runs `dispatch` unless this id was seen: then the first answer (once it is ready), or
   * `forgotten` when that answer is no longer kept.
   */
  run(id: string, dispatch: () => Promise<Result<unknown>>, forgotten: () => Result<unknown>): Promise<Result<unknown>> {
    const seen = this.kept.get(id);
    if (seen) return seen.answer;
    if (this.spent.has(id)) return Promise.resolve(forgotten());
    this.sweep();
    const answer = dispatch();
    const entry: Kept = { at: this.now(), answer, done: false };
    const settle = (): void => {
      entry.done = true;
    };
    answer.then(settle, settle);
    this.kept.set(id, entry);
    return answer;
  }

  /** Forgets an id entirely: its call did nothing and may be sent again (a login refused on the socket). */
  forget(id: string): void {
    this.kept.delete(id);
    this.spent.delete(id);
  }

  get size(): number {
    return this.kept.size + this.spent.size;
  }

  /** Both maps are in arrival order: old answers become spent ids, old spent ids are forgotten. */
  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.kept) {
      if (now - entry.at <= KEEP_ANSWER_MS && this.kept.size <= MAX_ANSWERS) break;
      // An answer still being computed stays: its resend must wait for it, not run the call again.
      if (!entry.done) break;
      this.kept.delete(id);
      this.spent.set(id, entry.at);
    }
    for (const [id, at] of this.spent) {
      if (now - at <= KEEP_ID_MS && this.spent.size <= MAX_IDS) break;
      this.spent.delete(id);
    }
  }
}
