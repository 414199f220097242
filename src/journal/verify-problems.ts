export type JournalProblemKind =
  /** The entry's fields no longer give its hash: something in it was edited. */
  | 'changed'
  /** A sequence number is absent: entries were deleted. */
  | 'missing'
  /** The entry does not link to the one stored before it: entries were reordered or replaced. */
  | 'out-of-order'
  /** A checkpoint's signature is forged, or made by a key that is not this station's. */
  | 'bad-signature'
  /** A correctly signed checkpoint names a different hash: history up to it was rewritten. */
  | 'checkpoint-mismatch';

export interface JournalProblem {
  seq: number;
  kind: JournalProblemKind;
  message: string;
}

export const short = (hash: string) => `${hash.slice(0, 12)}…`;

/**
 * Entry problems, which arrive in seq order: keeping the first few loses none that sort earlier.
 * `more` says that some were dropped.
 */
export class ProblemList {
  readonly problems: JournalProblem[] = [];
  more = false;

  constructor(private readonly max: number) {}

  add(seq: number, kind: JournalProblemKind, message: string): void {
    if (this.problems.length < this.max) this.problems.push({ seq, kind, message });
    else this.more = true;
  }
}
