import { afterEach, describe, expect, it } from 'vitest';
import type { ForwardedOutboxEvent } from '../../../src/app/ports/central';
import { openCentralStore, type CentralStore } from '../../../src/central-store';
import { usePostgres } from '../../support/postgres-server';

const server = usePostgres();
const stores: CentralStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

async function store(): Promise<CentralStore> {
  const s = openCentralStore({ url: await server().createDatabase() });
  stores.push(s);
  await s.migrate();
  for (const id of ['ST-A', 'ST-B']) await s.stations.register({ id, name: id, publicKey: `ed25519:${id}` }, new Date());
  return s;
}

const note = (eventId: number, orderNumber: string): ForwardedOutboxEvent => ({
  eventId,
  type: 'note',
  orderNumber,
  idempotencyKey: `note:${orderNumber}:${eventId}`,
  payload: { idempotencyKey: `note:${orderNumber}:${eventId}`, externalOrderId: orderNumber, note: 'x' },
  createdAt: '2026-12-02T10:00:00.000Z',
  shopAttempts: 0,
});

describe("central's outbox (migration 0004)", () => {
  it('keeps one row per station and event id: a re-send is a duplicate, the same id from another station is its own event', async () => {
    const s = await store();
    const now = new Date('2026-12-02T10:00:01Z');
    const first = await s.outbox.accept('ST-A', [note(1, 'O-1'), note(2, 'O-2')], now);
    expect(first.map((r) => r.duplicate)).toEqual([false, false]);
    const again = await s.outbox.accept('ST-A', [note(2, 'O-2'), note(3, 'O-3')], now);
    expect(again).toEqual([{ eventId: 2, centralId: first[1]!.centralId, duplicate: true }, expect.objectContaining({ eventId: 3, duplicate: false })]);
    expect((await s.outbox.accept('ST-B', [note(1, 'O-9')], now))[0]!.duplicate).toBe(false);
    expect(await s.outbox.counts()).toEqual({ queued: 4, parked: 0, sent: 0 });
  });

  it('of the same event arriving twice at the same moment, 50 times, exactly one copy is stored and both are answered', async () => {
    const s = await store();
    for (let id = 1; id <= 50; id++) {
      const [a, b] = await Promise.all([
        s.outbox.accept('ST-A', [note(id, `O-${id}`)], new Date()),
        s.outbox.accept('ST-A', [note(id, `O-${id}`)], new Date()),
      ]);
      expect([a[0]!.duplicate, b[0]!.duplicate].sort()).toEqual([false, true]);
      expect(a[0]!.centralId).toBe(b[0]!.centralId);
    }
    expect((await s.outbox.counts()).queued).toBe(50);
  });

  it("gives one order's events in turn, across stations, and holds them behind a parked one", async () => {
    const s = await store();
    const now = new Date('2026-12-02T10:00:01Z');
    const [a] = await s.outbox.accept('ST-A', [note(1, 'O-1')], now);
    await s.outbox.accept('ST-B', [note(7, 'O-1'), note(8, 'O-2')], now);
    const due = async () =>
      (await s.outbox.due('2026-12-02T11:00:00.000Z', 10)).map((e) => [e.orderNumber, e.type === 'note' ? e.payload.idempotencyKey : null]);
    expect(await due()).toEqual([
      ['O-1', 'note:O-1:1'],
      ['O-2', 'note:O-2:8'],
    ]);
    await s.outbox.park(a!.centralId, 'refused', now.toISOString());
    expect(await due()).toEqual([['O-2', 'note:O-2:8']]);
  });

  it('a station restored from an old backup hands out an outbox id again for another event: central keeps it as a new one and delivers it', async () => {
    const s = await store();
    const now = new Date('2026-12-02T10:00:01Z');
    const [before] = await s.outbox.accept('ST-A', [note(5, 'O-1')], now);
    // After the restore, the station's outbox ids restart below 5: its next event, another order's, is id 5 again.
    const reused: ForwardedOutboxEvent = { ...note(5, 'O-2'), idempotencyKey: 'note:O-2:after-restore' };
    reused.payload = { ...reused.payload, idempotencyKey: 'note:O-2:after-restore' } as ForwardedOutboxEvent['payload'];
    const [after] = await s.outbox.accept('ST-A', [reused], new Date('2026-12-03T10:00:00Z'));
    expect(after).toMatchObject({ eventId: 5, duplicate: false });
    expect(after!.refused).toBeUndefined();
    expect(after!.centralId).not.toBe(before!.centralId);
    expect((await s.outbox.due('2026-12-04T00:00:00.000Z', 10)).map((e) => e.orderNumber).sort()).toEqual(['O-1', 'O-2']);
    // Sent again (its answer lost), it is the same row.
    expect((await s.outbox.accept('ST-A', [reused], new Date()))[0]).toEqual({ eventId: 5, centralId: after!.centralId, duplicate: true });
  });

  it('refuses, by name, an event whose id and key central holds with another payload, and keeps the one it holds', async () => {
    const s = await store();
    const [held] = await s.outbox.accept('ST-A', [note(3, 'O-3')], new Date());
    const other: ForwardedOutboxEvent = {
      ...note(3, 'O-3'),
      payload: { ...note(3, 'O-3').payload, note: 'something else' } as ForwardedOutboxEvent['payload'],
    };
    const [answer] = await s.outbox.accept('ST-A', [other], new Date());
    expect(answer).toMatchObject({ eventId: 3, centralId: held!.centralId, duplicate: true });
    expect(answer!.refused).toMatch(/station ST-A's outbox id 3 and key note:O-3:3 .*not the same.*restored from a backup/);
    const [due] = await s.outbox.due('2099-01-01T00:00:00.000Z', 10);
    expect(due!.type === 'note' && due!.payload.note).toBe('x');
    expect((await s.outbox.counts()).queued).toBe(1);
  });
});
