import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/contract/errors';
import { CODES, createStationFixture, typedCall, type StationFixture } from '../../../support/station-fixture';

let f: StationFixture;
let call: ReturnType<typeof typedCall>;
beforeEach(() => {
  f = createStationFixture();
  call = typedCall(f.station);
});
afterEach(() => f.close());

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(f.logs.filter((l) => l.level === 'error'))}`);
  return result.value;
}

const scan = (data: string, stationId = 'ST-01') => call('scan.submit', { data, symbology: null, source: 'wedge' }, { stationId });

/** Anna packs PD-100001 at ST-01 with a wrong item on the way; Piotr opens PD-100002 at ST-02 an hour later. */
async function shift() {
  await ok(scan('PD-P-0001'));
  await ok(scan('PD-100001'));
  await ok(scan(CODES.mug));
  await ok(scan(CODES.stranger));
  await ok(call('pack.acknowledge', {}));
  await ok(scan(CODES.mug));
  await ok(call('auth.logout', {}));
  f.clock.advance(60 * 60_000);
  await ok(scan('PD-P-0002', 'ST-02'));
  await ok(scan('PD-100002', 'ST-02'));
  await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
}

describe('journal.search', () => {
  it('is for managers only', async () => {
    await ok(scan('PD-P-0001'));
    const refused = await call('journal.search', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('finds entries by packer, station, type, order and time, newest first, each said in words', async () => {
    await shift();
    const anna = f.store.users.byBadge('PD-P-0001')!.id;
    const byAnna = await ok(call('journal.search', { userId: anna }));
    expect(byAnna.entries.length).toBeGreaterThan(4);
    expect(byAnna.entries.every((e) => e.actorId === anna && e.actorName === 'Anna Kowalska')).toBe(true);
    expect(byAnna.entries.map((e) => e.seq)).toEqual([...byAnna.entries.map((e) => e.seq)].sort((a, b) => b - a));

    const atTwo = await ok(call('journal.search', { stationId: 'ST-02' }));
    expect(atTwo.entries.map((e) => e.type).sort()).toEqual(['auth.login', 'pack.opened']);

    const wrong = await ok(call('journal.search', { types: ['pack.scan'], orderNumber: 'pd-100001', language: 'en' }));
    expect(wrong.total).toBe(3);
    expect(wrong.entries.map((e) => e.text)).toContain(`Scanned Obcy produkt (STRANGER-01), code “${CODES.stranger}”: wrong item: it is not in this order.`);

    const acknowledged = await ok(call('journal.search', { types: ['pack.acknowledged'], language: 'pl' }));
    expect(acknowledged.entries[0]!.text).toBe('Potwierdzono błąd: zły towar: nie ma go w tym zamówieniu.');
    expect(acknowledged.entries[0]!.typeName).toBe('Potwierdzenie błędu');

    const later = await ok(call('journal.search', { from: '2026-11-20T08:30:00Z', to: '2026-11-20T10:30:00+01:00' }));
    expect(later.entries.length).toBeGreaterThan(0);
    expect(later.entries.every((e) => e.at >= '2026-11-20T08:30:00.000Z' && e.at < '2026-11-20T09:30:00.000Z')).toBe(true);
    expect(later.entries.map((e) => e.type).sort()).toEqual(['auth.login', 'auth.login', 'pack.opened']);
  });

  it('searches the payloads’ words as prefixes, accents folded, and pages', async () => {
    await shift();
    const stranger = await ok(call('journal.search', { text: 'strang' }));
    expect(stranger.entries.map((e) => e.payload.sku)).toEqual(['STRANGER-01']);
    const order = await ok(call('journal.search', { text: 'PD-100002' }));
    expect(order.entries.map((e) => e.type)).toEqual(['pack.opened']);
    const wrongItems = await ok(call('journal.search', { text: 'wrong_item' }));
    expect(wrongItems.entries.map((e) => e.type).sort()).toEqual(['pack.acknowledged', 'pack.scan']);
    expect(await ok(call('journal.search', { text: 'nothing-like-this' }))).toMatchObject({ entries: [], total: 0 });
    expect(await ok(call('journal.search', { text: '"*' }))).toMatchObject({ entries: [], total: 0 });

    const all = await ok(call('journal.search', { limit: 200 }));
    const first = await ok(call('journal.search', { limit: 3 }));
    const second = await ok(call('journal.search', { limit: 3, offset: 3 }));
    expect(first.total).toBe(all.entries.length);
    expect([...first.entries, ...second.entries].map((e) => e.seq)).toEqual(all.entries.slice(0, 6).map((e) => e.seq));
  });

  it('lists what it can be narrowed by, in the reader’s language', async () => {
    await shift();
    const filters = await ok(call('journal.filters', { language: 'pl' }));
    expect(filters.types).toContainEqual({ type: 'pack.scan', name: 'Skan' });
    expect(filters.stations.map((s) => s.id)).toEqual(['ST-01', 'ST-02']);
    expect(filters.people.map((p) => p.name)).toContain('Piotr Nowak');
  });
});

describe('journal.verify', () => {
  it('checks the whole journal, tells the caller its progress, and journals who checked it', async () => {
    await shift();
    const before = f.journal.lastSeq();
    const check = await ok(call('journal.verify', {}));
    expect(check).toMatchObject({ intact: true, entries: before, lastSeq: before, problems: [] });
    const progress = f.events.filter((e) => e.name === 'journal.verify.progress');
    expect(progress.at(-1)?.payload).toMatchObject({ stationId: 'ST-01', checked: before, total: before });
    const entry = f.journal.range(before + 1, 1)[0]!;
    expect(entry).toMatchObject({ type: 'journal.verified', actorId: f.store.users.byBadge('PD-M-0001')!.id, payload: { intact: true, entries: before } });
  });
});

describe('review.timeline', () => {
  it('says every entry in words and sums up what went into each parcel', async () => {
    await shift();
    const timeline = await ok(call('review.timeline', { orderNumber: 'PD-100001', language: 'en' }));
    expect(timeline.entries.every((e) => e.text.length > 0 && !/[a-z]_[a-z]/.test(e.text))).toBe(true);
    expect(timeline.entries[0]).toMatchObject({ type: 'pack.opened', typeName: 'Order opened', text: 'Opened the order for packing.' });
    expect(timeline.parcels).toEqual([
      {
        no: 1,
        boxCode: null,
        weightGrams: null,
        weightSource: null,
        expectedGrams: 700,
        items: [{ sku: 'MUG-01', name: 'Kubek ceramiczny', count: 2, serials: [], lots: [] }],
      },
    ]);
    expect(timeline.packing).toMatchObject({ packer: 'Anna Kowalska', stationId: 'ST-01', status: 'open' });
  });
});
