import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../../../../renderer/features/pack/keepUnchanged';

/** A view as the core sends it after each scan: new JSON every time. */
function view(packed: number[], units: number) {
  return JSON.parse(
    JSON.stringify({
      sessionId: 7,
      order: { number: 'PD-1', shipTo: { city: 'Kraków' } },
      lines: packed.map((n, i) => ({ lineId: i + 1, packed: n, complete: n >= 2 })),
      units: Array.from({ length: units }, (_, i) => ({ id: i + 1, sku: `S-${i}`, serial: null })),
      parcels: [{ no: 1, units }],
      pending: null,
    }),
  ) as { order: object; lines: object[]; units: object[]; parcels: object[]; pending: null };
}

describe('keepUnchanged', () => {
  it('keeps every part a scan did not change, and renews the path to what it changed', () => {
    const before = view([1, 0, 2], 3);
    const after = keepUnchanged(before, view([1, 1, 2], 4));
    expect(after).toEqual(view([1, 1, 2], 4));
    expect(after).not.toBe(before);
    expect(after.order).toBe(before.order);
    expect(after.lines[0]).toBe(before.lines[0]);
    expect(after.lines[1]).not.toBe(before.lines[1]);
    expect(after.lines[2]).toBe(before.lines[2]);
    expect(after.lines).not.toBe(before.lines);
    expect(after.units.slice(0, 3).every((unit, i) => unit === before.units[i])).toBe(true);
    expect(after.parcels).not.toBe(before.parcels);
  });

  it('returns the previous value itself when nothing changed', () => {
    const before = view([1, 2], 2);
    expect(keepUnchanged(before, view([1, 2], 2))).toBe(before);
  });

  it('sees a part taken away, a key added or removed, and a type changed', () => {
    const before = view([1], 2);
    expect(keepUnchanged(before, view([1], 1)).units).toHaveLength(1);
    expect(keepUnchanged({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(keepUnchanged({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(keepUnchanged({ a: [1] }, { a: { 0: 1 } })).toEqual({ a: { 0: 1 } });
    expect(keepUnchanged(null, { a: 1 })).toEqual({ a: 1 });
  });

  it('always gives a value equal to the new one, sharing only what is equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const kept = keepUnchanged(a, b);
        expect(kept).toStrictEqual(b);
        if (kept === a) expect(a).toStrictEqual(b);
      }),
    );
  });
});
