import { describe, expect, it } from 'vitest';
import { newestUnitRows, SHOWN_UNIT_ROWS } from '../../../../../renderer/features/pack/unitRows';

describe('newestUnitRows', () => {
  it('keeps every unit of a small order, newest first', () => {
    expect(newestUnitRows([1, 2, 3])).toEqual({ rows: [3, 2, 1], earlier: 0 });
  });

  it('keeps the newest rows of a large order and counts the rest', () => {
    const units = Array.from({ length: 500 }, (_, i) => i + 1);
    const { rows, earlier } = newestUnitRows(units);
    expect(rows).toHaveLength(SHOWN_UNIT_ROWS);
    expect(rows[0]).toBe(500);
    expect(rows.at(-1)).toBe(500 - SHOWN_UNIT_ROWS + 1);
    expect(earlier).toBe(500 - SHOWN_UNIT_ROWS);
  });
});
