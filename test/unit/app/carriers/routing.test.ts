import { describe, expect, it } from 'vitest';
import { stationLabelFor } from '../../../../src/app/carriers/routing';
import { carrierLabelPrinter } from '../../../../src/app/documents/printing';
import type { PrinterProfile, PrinterProfileRepository } from '../../../../src/app/ports/printing';

function profiles(list: PrinterProfile[]): PrinterProfileRepository {
  return {
    forDocument: (stationId, kind) => list.find((p) => p.stationId === stationId && p.documentKind === kind) ?? null,
    list: (stationId) => list.filter((p) => p.stationId === stationId),
    set: () => undefined,
    remove: () => undefined,
  };
}
const folder = (documentKind: PrinterProfile['documentKind']): PrinterProfile => ({
  stationId: 'S1',
  documentKind,
  printerKind: 'pdf_folder',
  target: 'S1',
  format: 'pdf',
  raw: false,
});
const zebra: PrinterProfile = {
  stationId: 'S1',
  documentKind: 'label',
  printerKind: 'raw_tcp',
  target: '10.0.0.5:9100',
  format: 'zpl',
  raw: true,
  labelSize: '4x6',
};

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

  it("goes by the station's real label printer, not the PDF folder every station starts with", () => {
    expect(carrierLabelPrinter(profiles([folder('carrier_label'), zebra]), 'S1')).toBe(zebra);
    const own = { ...zebra, documentKind: 'carrier_label' as const, format: 'epl' as const };
    expect(carrierLabelPrinter(profiles([own, zebra]), 'S1')).toBe(own);
    expect(carrierLabelPrinter(profiles([folder('carrier_label'), folder('label')]), 'S1')?.documentKind).toBe('carrier_label');
    expect(carrierLabelPrinter(profiles([]), 'S1')).toBeNull();
  });
});
