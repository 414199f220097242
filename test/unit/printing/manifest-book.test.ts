import { describe, expect, it } from 'vitest';
import type { ManifestParcelLine } from '../../../src/domain/documents';
import { freshDataDir, manualClock, openStationDb } from './station-db';

function parcel(n: number): ManifestParcelLine & { parcelIndex: number } {
  return {
    orderNumber: `PD-${n}`,
    parcelIndex: 1,
    trackingNumber: `TRK${n}`,
    sscc: null,
    weightGrams: 1000,
    shipTo: { name: 'A', postcode: '1', city: 'B', country: 'PL' },
  };
}

describe('manifest book (migration 0004)', () => {
  it('opens one manifest per carrier and day, adds parcels, and locks them on close', () => {
    const clock = manualClock();
    const { manifests, db } = openStationDb(freshDataDir(), clock.now);
    const at = clock.now().toISOString();
    const open = manifests.openFor('inpost', '2026-03-02', at);
    expect(open).toMatchObject({ number: 'INPOST-20260302-1', status: 'open' });
    expect(manifests.openFor('inpost', '2026-03-02', at).id).toBe(open.id);
    manifests.addParcel(open.id, parcel(1), at);
    manifests.addParcel(open.id, parcel(2), at);
    manifests.addParcel(open.id, parcel(2), at);
    expect(manifests.parcels(open.id).map((p) => p.trackingNumber)).toEqual(['TRK1', 'TRK2']);
    expect(manifests.isLocked('TRK1')).toBe(false);

    expect(manifests.close(open.id, at)).toMatchObject({ status: 'closed', closedAt: at });
    expect(manifests.isLocked('TRK1')).toBe(true);
    expect(() => manifests.addParcel(open.id, parcel(3), at)).toThrow(/closed/);
    expect(() => manifests.removeParcel(open.id, 'TRK1')).toThrow(/closed/);

    const next = manifests.openFor('inpost', '2026-03-02', at);
    expect(next.number).toBe('INPOST-20260302-2');
    expect(() => manifests.addParcel(next.id, parcel(1), at)).toThrow(/already on manifest INPOST-20260302-1/);
    expect(manifests.forCarrierDay('inpost', '2026-03-02').map((m) => m.status)).toEqual(['closed', 'open']);
    // The schema enforces what the repository promises.
    expect(() =>
      db.prepare("INSERT INTO manifests (number, carrier, date, status, opened_at) VALUES ('X', 'inpost', '2026-03-02', 'open', 'now')").run(),
    ).toThrow(/UNIQUE/);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
  });
});
