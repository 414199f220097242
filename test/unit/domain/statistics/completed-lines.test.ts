import { describe, expect, it } from 'vitest';
import { completedLines, completedLinesPayload, type StatsLine } from '../../../../src/domain/statistics';

describe("a completion's order lines", () => {
  const kit = { sku: 'KIT-01', quantity: 1, kit: true, unitGrams: 412.5, fragile: false };
  const vase = { sku: 'VASE-01', quantity: 2, kit: false, unitGrams: 900, fragile: true };

  it('are written without the station’s product ids and read back by place', () => {
    const counted: StatsLine[] = [
      { productId: 17, ...kit },
      { productId: 4, ...vase },
    ];
    const payload = { lines: completedLinesPayload(counted) };
    expect(payload.lines).toEqual([kit, vase]);
    expect(completedLines(JSON.parse(JSON.stringify(payload)) as Record<string, unknown>)).toEqual([
      { productId: 1, ...kit },
      { productId: 2, ...vase },
    ]);
    expect(completedLines({ lines: [] })).toEqual([]);
  });

  it('are none for a completion without them, or with anything that is not such a line', () => {
    expect(completedLines({ status: 'shipped' })).toBeNull();
    expect(completedLines({ lines: 'KIT-01' })).toBeNull();
    for (const bad of [{ ...kit, quantity: 1.5 }, { ...kit, quantity: -1 }, { ...kit, kit: 'yes' }, { ...kit, unitGrams: null }, { ...kit, sku: 3 }, null]) {
      expect(completedLines({ lines: [vase, bad] }), JSON.stringify(bad)).toBeNull();
    }
  });
});
