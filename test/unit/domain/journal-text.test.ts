import { describe, expect, it } from 'vitest';
import { describeEntry, documentName, ENTRY_TYPES, entryTypeName, formatGrams } from '../../../src/domain/journal-text';
import { VERDICTS } from '../../../src/domain/packing/verdict';
import { DOCUMENT_KINDS } from '../../../src/contract/printing';
import { LANGUAGES } from '../../../src/domain/user';

const names = {
  userName: (id: number) => ({ 3: 'Maria Manager', 7: 'Ola Nowak' })[id] ?? null,
  productName: (ref: { sku?: string; productId?: number }) => (ref.sku === 'MUG-01' || ref.productId === 1 ? 'Kubek ceramiczny' : null),
};

/** Payloads as the station writes them (src/app): one of each type. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  'auth.login': { role: 'packer', loginId: 4 },
  'auth.logout': { reason: 'idle', loginId: 4 },
  'pack.scan': {
    raw: '05901234123457',
    sku: 'MUG-01',
    units: 1,
    verdict: 'line_complete',
    lineId: 1,
    serial: null,
    lot: 'L-7',
    expiry: '2027-01-31',
    parcel: 2,
  },
  'pack.acknowledged': { cleared: 'error', verdict: 'too_many' },
  'pack.undo': { unitId: 4, productId: 1, count: 1, serial: null },
  'pack.override': { kind: 'partial', managerId: 3, manager: 'Maria Manager', reason: 'Out of stock' },
  'pack.weighed': { parcel: 1, grams: 8701, source: 'scale' },
  'pack.completed': { status: 'partially_shipped', parcels: [{ no: 1, box: 'K2', grams: 950, units: 3 }], backordered: 1, handedTo: ['documents'] },
  'document.made': { kind: 'packing_slip', parcel: 1, format: 'pdf', printJobId: 5 },
  'video.problem': { problem: 'camera_failed', detail: 'NotReadableError', policy: 'block' },
  'sync.flagged': { reason: 'lines_changed_while_packing' },
  'sync.details_changed': { parts: ['address', 'pickupPoint'] },
  'user.changed': { userName: 'Ola Nowak', role: 'manager', active: false },
  'settings.shifts': { station: 'ST-02', starts: ['06:00', '18:00'] },
};

describe('describeEntry', () => {
  it('says every type the station writes in both languages, without a raw value', () => {
    for (const language of LANGUAGES) {
      for (const type of ENTRY_TYPES) {
        const text = describeEntry({ type, payload: SAMPLES[type] ?? {}, subject: { kind: 'user', id: '7' } }, language, names);
        expect(text, `${type} in ${language}`).toMatch(/^\S.*[.]$/s);
        expect(text, `${type} in ${language}`).not.toMatch(/[a-z]_[a-z]|\bundefined\b|\bnull\b|\[object/);
        expect(entryTypeName(type, language)).not.toContain('.');
      }
    }
  });

  it('names the product, the code, the verdict and what the unit carries', () => {
    expect(describeEntry({ type: 'pack.scan', payload: SAMPLES['pack.scan']! }, 'en', names)).toBe(
      'Scanned Kubek ceramiczny (MUG-01), code “05901234123457”: accepted, the line is complete (lot L-7, expires 2027-01-31, parcel 2).',
    );
    expect(describeEntry({ type: 'pack.scan', payload: SAMPLES['pack.scan']! }, 'pl', names)).toBe(
      'Zeskanowano Kubek ceramiczny (MUG-01), kod „05901234123457”: przyjęty, pozycja kompletna (partia L-7, ważne do 2027-01-31, paczka 2).',
    );
    expect(describeEntry({ type: 'pack.undo', payload: SAMPLES['pack.undo']! }, 'en', names)).toBe('Undid the last scan: took out Kubek ceramiczny × 1.');
  });

  it('says every verdict and document kind in words', () => {
    for (const language of LANGUAGES) {
      for (const verdict of VERDICTS) {
        const text = describeEntry({ type: 'pack.scan', payload: { raw: 'X', verdict, units: 0 } }, language);
        if (verdict.includes('_') || language === 'pl') expect(text).not.toContain(verdict);
      }
      for (const kind of DOCUMENT_KINDS) expect(documentName(kind, language)).not.toMatch(/_/);
    }
    expect(describeEntry({ type: 'pack.acknowledged', payload: SAMPLES['pack.acknowledged']! }, 'en')).toBe(
      'Acknowledged the error: too many: the order needs no more of this item.',
    );
    expect(describeEntry({ type: 'document.made', payload: SAMPLES['document.made']! }, 'pl')).toBe(
      'Utworzono: dokument do paczki, paczka 1; wysłany do druku.',
    );
  });

  it('says what of an order the shop changed', () => {
    const entry = { type: 'sync.details_changed', payload: SAMPLES['sync.details_changed']! };
    expect(describeEntry(entry, 'en')).toBe('The shop changed the delivery address, the pickup point.');
    expect(describeEntry(entry, 'pl')).toBe('Sklep zmienił adres dostawy, punkt odbioru.');
  });

  it('writes weights as people read them', () => {
    expect(formatGrams(950, 'en')).toBe('950 g');
    expect(formatGrams(8701, 'en')).toBe('8,701 g');
    expect(formatGrams(18701, 'pl')).toBe('18\u00a0701 g');
    expect(describeEntry({ type: 'pack.completed', payload: SAMPLES['pack.completed']! }, 'en')).toBe(
      'Completed packing: shipped in part (parcel 1: box K2, 950 g, 3 units); 1 units left to send later.',
    );
  });

  it('says the shifts a manager set: the warehouse’s, a station’s own, and back to the warehouse’s', () => {
    const say = (payload: Record<string, unknown>, language: 'en' | 'pl') =>
      describeEntry({ type: 'settings.shifts', payload, subject: null }, language, names);
    expect(say({ station: null, starts: ['06:00', '18:00'] }, 'en')).toBe("The warehouse's shifts start at 06:00, 18:00.");
    expect(say({ station: 'ST-02', starts: ['07:00'] }, 'pl')).toBe('Zmiany na stanowisku ST-02 zaczynają się o 07:00.');
    expect(say({ station: 'ST-02', starts: null }, 'en')).toBe("Station ST-02 follows the warehouse's shifts again.");
  });

  it("says the carriers' entries in words, with the tracking number a carrier sent", () => {
    const labelled = {
      type: 'carrier.labelled',
      payload: { carrier: 'inpost', parcel: 1, shipmentId: '77', trackingNumber: '620000000000000000000001', format: 'zpl' },
    };
    expect(describeEntry(labelled, 'en')).toBe('InPost sent the label of parcel 1, tracking number 620000000000000000000001.');
    expect(describeEntry(labelled, 'pl')).toBe('InPost: etykieta paczki 1 odebrana, numer przesyłki 620000000000000000000001.');
    const handover = { type: 'carrier.handover', payload: { carrier: 'poczta-polska', date: '2026-11-20', carrierNumber: 'E-1', parcels: 2 } };
    expect(describeEntry(handover, 'en')).toBe('Handed 2 parcels of 2026-11-20 over to Poczta Polska (number E-1).');
    const parked = { type: 'carrier.parked', payload: { carrier: 'dpd', parcel: 2, reason: 'DPD refused the shipment.' } };
    expect(describeEntry(parked, 'en')).toBe('DPD: the shipment of parcel 2 is held for a person: DPD refused the shipment.');
    for (const language of LANGUAGES) for (const e of [labelled, handover, parked]) expect(entryTypeName(e.type, language)).not.toMatch(/Other|Inne/);
  });

  it('says whose clip was saved: the packing video, or the returns desk’s video of a return', () => {
    const clip = { kind: 'webcam', startedAt: '2026-12-02T10:00:00.000Z', endedAt: '2026-12-02T10:00:42.000Z', bytes: 2048 };
    const entry = (payload: Record<string, unknown>) => ({ type: 'video.segment', payload, subject: { kind: 'order', id: 'PD-1' } });
    expect(describeEntry(entry({ ...clip, sessionId: 4 }), 'en', names)).toBe('Saved the packing video: 42 s, 2 kB.');
    expect(describeEntry(entry({ ...clip, sessionId: null, returnNumber: 'R-2026-000007' }), 'en', names)).toBe(
      'Saved the video of return R-2026-000007: 42 s, 2 kB.',
    );
    expect(describeEntry(entry({ ...clip, sessionId: null, returnNumber: 'R-2026-000007' }), 'pl', names)).toBe(
      'Zapisano nagranie zwrotu R-2026-000007: 42 s, 2 kB.',
    );
  });

  it('says which printer a badge card went to, also a PDF on the label printer', () => {
    const say = (payload: Record<string, unknown>, language: 'en' | 'pl') =>
      describeEntry({ type: 'user.badge_printed', payload: { userName: 'Ola Nowak', ...payload }, subject: { kind: 'user', id: '7' } }, language, names);
    expect(say({ printer: 'label', format: 'pdf' }, 'en')).toBe('Printed the badge card of Ola Nowak (label printer).');
    expect(say({ printer: 'a4', format: 'pdf' }, 'pl')).toBe('Wydrukowano identyfikator użytkownika Ola Nowak (A4).');
    // Entries from before the print queue name the format only.
    expect(say({ format: 'zpl' }, 'en')).toBe('Printed the badge card of Ola Nowak (label printer).');
  });

  it('says a type it does not know as an event, not as a code', () => {
    expect(describeEntry({ type: 'returns.graded', payload: {} }, 'en')).toBe('Other event: returns graded.');
    expect(entryTypeName('returns.graded', 'pl')).toBe('Inne zdarzenie');
  });
});
