import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/journal/canonical';
import { entryPreimage, GENESIS_HASH } from '../../../src/journal/chain';
import { createJournalRows } from '../../../src/storage/repositories/journal-rows';
import { openTestStore } from '../storage/fixtures';

// Any code point (controls, quotes, astral), never a lone surrogate: canonicalJson refuses those.
const text = fc.string({ unit: 'binary', maxLength: 12 });

describe('entry preimage', () => {
  it('is the canonical JSON of the entry fields, for any field values', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        text,
        text,
        fc.option(fc.integer({ min: 0, max: 2 ** 40 })),
        text,
        fc.option(fc.tuple(text, text)),
        fc.dictionary(text, fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null))),
        (seq, at, stationId, actorId, type, subject, payload) => {
          const canonicalPayload = canonicalJson(payload);
          const expected = canonicalJson({
            seq,
            at,
            stationId,
            actorId,
            type,
            subject: subject ? { kind: subject[0], id: subject[1] } : null,
            payload,
          });
          expect(entryPreimage(seq, at, stationId, actorId, type, subject?.[0] ?? null, subject?.[1] ?? null, canonicalPayload)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('chain text built by the database', () => {
  it('is byte for byte prevHash + entryPreimage, for any field values', () => {
    const { db } = openTestStore();
    const rows = createJournalRows(db);
    let seq = 0;
    fc.assert(
      fc.property(
        text,
        text,
        fc.option(fc.integer({ min: 0, max: 2 ** 40 })),
        text,
        fc.option(fc.tuple(text, text)),
        fc.dictionary(text, text),
        (at, stationId, actorId, type, subject, payload) => {
          seq++;
          const canonicalPayload = canonicalJson(payload);
          const row = {
            seq,
            at,
            stationId,
            actorId,
            type: `t${type}`,
            subjectKind: subject?.[0] ?? null,
            subjectId: subject?.[1] ?? null,
            payload: canonicalPayload,
            prevHash: GENESIS_HASH,
            hash: GENESIS_HASH,
          };
          rows.insert(row);
          const [link] = rows.chainFromSeq(seq, 1);
          expect(link?.[2]).toBe(GENESIS_HASH + entryPreimage(seq, at, stationId, actorId, row.type, row.subjectKind, row.subjectId, canonicalPayload));
        },
      ),
      { numRuns: 200 },
    );
  });
});
