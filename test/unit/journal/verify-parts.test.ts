import { describe, expect, it } from 'vitest';
import { mergeParts, partContext, reviewCheckpoints, verifyJournal, type VerifyOptions } from '../../../src/journal/verify';
import { checkPart, planParts, threadsFor, type JournalPart } from '../../../src/journal/verify-parts';
import type { TestJournal } from './fixtures';
import { ENTRIES, TAMPERINGS, tamperedJournal } from './tampered-journals';

/** Checks the journal as the given consecutive parts, each on its own, and merges them. */
function verifyInParts(t: TestJournal, parts: JournalPart[], options: VerifyOptions) {
  const review = reviewCheckpoints(t.rows.checkpoints(), options.trustedKeys);
  const context = partContext(review, options);
  return mergeParts(
    t.rows,
    parts.map((part) => checkPart(t.rows, part, context)),
    review,
    options,
  );
}

/** Every split into two parts, and a few into three and four, some with parts that hold nothing. */
function splits(): JournalPart[][] {
  const all: JournalPart[][] = [];
  for (let b = 2; b <= ENTRIES + 2; b++)
    all.push([
      { from: 1, to: b - 1 },
      { from: b, to: null },
    ]);
  all.push([
    { from: 1, to: 9 },
    { from: 10, to: 12 },
    { from: 13, to: null },
  ]);
  all.push([
    { from: 1, to: 4 },
    { from: 5, to: 13 },
    { from: 14, to: 22 },
    { from: 23, to: null },
  ]);
  all.push([
    { from: 1, to: 10 },
    { from: 11, to: 11 },
    { from: 12, to: 12 },
    { from: 13, to: null },
  ]);
  return all;
}

describe('journal verification in parts', () => {
  for (const tampering of TAMPERINGS) {
    it(`gives what one walk gives, wherever the parts meet: ${tampering.name}`, () => {
      const t = tamperedJournal(tampering);
      for (const options of [{ trustedKeys: [t.key.publicKey] }, { maxProblems: 3, pageSize: 4 }]) {
        const whole = verifyJournal(t.rows, options);
        for (const parts of splits()) expect({ parts, report: verifyInParts(t, parts, options) }).toEqual({ parts, report: whole });
      }
    });
  }

  it('finds the problems the tamperings are about, so the comparison above compares something', () => {
    const kinds = Object.fromEntries(
      TAMPERINGS.map((tampering) => {
        const t = tamperedJournal(tampering);
        return [tampering.name, verifyJournal(t.rows, { trustedKeys: [t.key.publicKey] }).problems.map((p) => `${p.seq} ${p.kind}`)];
      }),
    );
    // Renumbered entries no longer hash to what they store (seq is hashed): every one after 14 is changed.
    expect(kinds['a deletion closed up by renumbering']?.slice(0, 3)).toEqual(['14 out-of-order', '14 changed', '15 changed']);
    expect(kinds['every entry changed']).toHaveLength(ENTRIES);
    expect(kinds).toMatchObject({
      untouched: [],
      'payloads changed': ['1 changed', '11 changed', '12 changed', '26 changed'],
      'entries deleted in the middle': ['9 missing', '21 missing'],
      'first entries deleted': ['1 missing'],
      'entries swapped': [
        '3 out-of-order',
        '3 changed',
        '4 out-of-order',
        '8 out-of-order',
        '8 changed',
        '9 out-of-order',
        '15 out-of-order',
        '15 changed',
        '15 checkpoint-mismatch',
        '16 out-of-order',
        '16 changed',
        '17 out-of-order',
      ],
      'a checkpoint signature forged': ['15 bad-signature'],
      'a checkpoint vouching for another hash': ['17 checkpoint-mismatch'],
      'history rewritten with recomputed hashes': [
        '10 checkpoint-mismatch',
        '15 checkpoint-mismatch',
        '20 checkpoint-mismatch',
        '25 checkpoint-mismatch',
        '30 checkpoint-mismatch',
      ],
      'the end cut off': ['23 missing'],
    });
  });

  it('uses one thread per core, at most four, and one alone for a small journal', () => {
    expect(threadsFor(150_000, 2)).toBe(1);
    expect(threadsFor(1_000_000, 2)).toBe(2);
    expect(threadsFor(1_000_000, 8)).toBe(4);
    expect(threadsFor(30, 3, 1)).toBe(3);
  });

  it('splits the journal into even runs that cover every seq, the last one open-ended', () => {
    expect(planParts(1_000_000, 1)).toEqual([{ from: 1, to: null }]);
    expect(planParts(1_000_001, 4)).toEqual([
      { from: 1, to: 250_000 },
      { from: 250_001, to: 500_000 },
      { from: 500_001, to: 750_000 },
      { from: 750_001, to: null },
    ]);
    expect(planParts(3, 16)).toEqual([
      { from: 1, to: 1 },
      { from: 2, to: 2 },
      { from: 3, to: null },
    ]);
    expect(planParts(0, 4)).toEqual([{ from: 1, to: null }]);
  });
});
