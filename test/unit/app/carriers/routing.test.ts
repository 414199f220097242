import { describe, expect, it } from 'vitest';
import { stationLabelFor } from '../../../../src/app/carriers/routing';

describe("the carrier label as the station's label printer wants it", () => {
  const account = { format: 'zpl', size: 'a6' } as const;

  it("takes the printer's format when the carrier offers it, and the printer's stock", () => {
    expect(stationLabelFor('inpost', account, { format: 'pdf', labelSize: 'a6' })).toEqual({ format: 'pdf', size: 'a6' });
    expect(stationLabelFor('dpd', account, { format: 'epl', labelSize: '4x6' })).toEqual({ format: 'epl', size: '4x6' });
    expect(stationLabelFor('own', { format: 'pdf', size: 'a6' }, { format: 'pdf', labelSize: '4x6' })).toEqual({ format: 'pdf', size: '4x6' });
  });

  it("keeps the account's format where the carrier has not the printer's, and A6 when the stock is not stated", () => {
    expect(stationLabelFor('poczta-polska', { format: 'pdf', size: 'a6' }, { format: 'epl', labelSize: null })).toEqual({ format: 'pdf', size: 'a6' });
    expect(stationLabelFor('inpost', account, null)).toEqual(account);
  });
});
