import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../../src/evidence/zip';
import { createStationFixture, typedCall, type StationFixture } from '../../support/station-fixture';
import { ok, openMugOrder, packMugs } from '../app/video/support';
import { pdfText } from '../documents/tools';
import { LABEL_SETTINGS } from '../app/documents/support';

let f: StationFixture;

/** The report of the package a manager exports in a language, read back as text by poppler's pdftotext. */
async function reportText(language: 'en' | 'pl'): Promise<{ text: string; names: string[] }> {
  const made = await ok(typedCall(f.station)('review.evidence', { orderNumber: 'PD-100001', language }));
  const entries = await readZip(fs.readFileSync(f.station.mediaFile('evidence', made.file)!));
  const report = entries.find((e) => e.name === 'report.pdf')!;
  return { text: pdfText(report.bytes).replace(/\s+/g, ' '), names: entries.map((e) => e.name) };
}

beforeAll(async () => {
  f = createStationFixture({ pdfFolder: true });
  const setUp = typedCall(f.station);
  await ok(setUp('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
  await ok(setUp('labels.settings.set', LABEL_SETTINGS));
  for (const documentKind of ['label', 'packing_slip'] as const)
    await ok(setUp('printers.profile.set', { documentKind, printerKind: 'pdf_folder', target: 'printed', format: 'pdf', raw: false }));
  const { call } = await openMugOrder(f, { mode: 'off' });
  await packMugs(f);
  await ok(call('pack.complete', {}));
  // The document worker makes the label and the slip, as printed.
  await f.station.documents.drain();
  await ok(call('auth.logout', {}));
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
});
afterAll(() => f.close());

describe('the evidence report', () => {
  it('tells in English who packed what, where and when, each step in words, not a dump of entries', async () => {
    const { text } = await reportText('en');
    expect(text).toContain('Packing evidence — order PD-100001');
    expect(text).toContain('Customer: Zażółć Gęślą');
    expect(text).toContain('Packed by: Anna Kowalska');
    expect(text).toContain('At station: ST-01');
    expect(text).toContain('Parcel 1: box K1; 830 g, weighed on the scale; expected from the items and the box 820 g');
    expect(text).toContain('2 × Kubek ceramiczny (MUG-01)');
    expect(text).toContain('Scanned Kubek ceramiczny (MUG-01), code “05901234123457”: accepted');
    expect(text).toContain('Completed packing: shipped whole');
    expect(text).toContain('No manager approved anything out of the ordinary');
    expect(text).not.toMatch(/pack\.scan|wrong_item|packing_slip|"verdict"/);
  });

  it('shows the label and the packing slip as printed, and keeps the entries and proof beside it', async () => {
    const { text, names } = await reportText('en');
    expect(text).toContain('The label and the packing slip as printed');
    // Drawn as printed: what the label and the slip themselves say is in the report's text.
    expect(text).toMatch(/shipping label, parcel 1 FROM Magazyn Łódź .* SSCC \(00\) 3590123400000004\d\d/);
    expect(text).toMatch(/packing slip Sklep Zażółć Packing slip .* 2 MUG-01 Kubek ceramiczny/);
    expect(names).toEqual(expect.arrayContaining(['journal/entries.json', 'journal/chain.json', 'manifest.json', 'manifest.sig']));
    expect(names.some((n) => n.startsWith('slip/'))).toBe(true);
  });

  it('is written in Polish for a manager who reads Polish', async () => {
    const { text } = await reportText('pl');
    expect(text).toContain('Dowód pakowania — zamówienie PD-100001');
    expect(text).toContain('Pakował(a): Anna Kowalska');
    expect(text).toContain('Paczka 1: karton K1; 830 g, zważona na wadze');
    expect(text).toContain('Zeskanowano Kubek ceramiczny (MUG-01), kod „05901234123457”: przyjęty');
    expect(text).toContain('etykieta wysyłkowa, paczka 1');
    expect(text).not.toContain('Packing evidence');
  });
});
