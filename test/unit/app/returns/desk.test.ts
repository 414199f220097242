import { describe, expect, it } from 'vitest';
import { CODES } from '../../../support/station-fixture';
import { DESK, ok, shippedAndAtTheDesk as atTheDesk } from './fixture';

const shippedAndAtTheDesk = () => atTheDesk({ email: 'Grazyna.W@example.pl' });

describe('the returns desk, through the dispatcher', () => {
  it('identifies the parcel from the slip, the order, the pick list, a serial, the e-mail or the name, without naming the packer', async () => {
    const { fx, call } = await shippedAndAtTheDesk();
    const identify = (text: string) => ok(call('returns.identify', { text }, DESK));
    const slip = await identify('RET-PD-200001');
    expect(slip.candidates).toHaveLength(1);
    expect(slip.candidates[0]).toMatchObject({
      number: 'PD-200001',
      matchedBy: 'return_code',
      shipped: true,
      shipments: [{ stationId: 'ST-01', parcels: 1, packer: null }],
      lines: [
        { sku: 'MUG-01', shipped: 2, returnedBefore: 0 },
        { sku: 'PHONE-01', shipped: 1, serials: ['SN-500'] },
      ],
    });
    expect((await identify('PD-200001')).candidates[0]?.matchedBy).toBe('order_number');
    expect((await identify('pl-pd-200001')).candidates[0]?.matchedBy).toBe('pick_list');
    expect((await identify('SN-500')).candidates[0]?.matchedBy).toBe('serial');
    expect((await identify('grazyna.w@example.pl')).candidates[0]?.matchedBy).toBe('email');
    expect((await identify('wrobel graz')).candidates.map((c) => [c.number, c.matchedBy])).toEqual([['PD-200001', 'customer']]);
    expect((await identify('nothing of ours')).candidates).toEqual([]);
    await ok(call('returns.label.link', { orderNumber: 'PD-200001', tracking: 'RTN-0001-PL', carrier: 'inpost' }, DESK));
    expect((await identify('rtn-0001-pl')).candidates[0]?.matchedBy).toBe('return_label');
    expect(fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).filter((e) => e.type === 'returns.identified').length).toBeGreaterThanOrEqual(7);
  });

  it('keeps packers away from returns and returns handlers away from packing', async () => {
    const { call, scan } = await shippedAndAtTheDesk();
    expect(await call('returns.identify', { text: 'PD-200001' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await scan('PD-100001', DESK)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('takes a withdrawal: scans against what was shipped, grades, decides, attributes the packing error, closes', async () => {
    const { fx, call } = await shippedAndAtTheDesk();
    const opened = await ok(call('returns.open', { orderNumber: 'PD-200001', type: 'withdrawal', identifiedBy: 'return_code' }, DESK));
    expect(opened).toMatchObject({
      number: 'R-2026-000001',
      status: 'open',
      stage: 'open',
      eligibility: { eligible: true, refusals: [], window: { countedFrom: 'shipping', startDay: '2026-11-20', days: 14, lastDay: '2026-12-04' } },
      deadline: { kind: 'refund', lastDay: '2026-12-04', overdue: false, daysLeft: 14 },
    });
    const number = opened.number;
    const item = (code: string, extra: { serial?: string; quantity?: number } = {}) => call('returns.item.scan', { number, code, ...extra }, DESK);
    const mug = await ok(item(CODES.mug));
    expect(mug.outcome).toBe('matched');
    const before = fx.journal.lastSeq();
    expect(await item(CODES.phone, { serial: 'SN-999' })).toMatchObject({
      ok: false,
      error: { code: 'RETURN_ITEM_REFUSED', params: { sentence: 'serial_not_shipped', serial: 'SN-999', sku: 'PHONE-01' } },
    });
    expect(await item(CODES.mug, { quantity: 2 })).toMatchObject({
      ok: false,
      error: { code: 'RETURN_ITEM_REFUSED', params: { sentence: 'too_many', left: 1 } },
    });
    expect(fx.journal.lastSeq()).toBe(before);
    const wrong = await ok(item(CODES.stranger));
    expect(wrong.outcome).toBe('wrong_item');
    expect(wrong.view.items.find((i) => i.id === wrong.itemId)).toMatchObject({
      sku: 'STRANGER-01',
      lineId: null,
      condition: 'wrong_item',
      disposition: 'to_customer',
    });
    expect(await call('returns.decide', { number, refund: { amountMinor: 4999, currency: 'PLN' } }, DESK)).toMatchObject({
      ok: false,
      error: { code: 'RETURN_DECISION_INVALID', params: { sentence: 'items_ungraded', count: 1 } },
    });
    const graded = await ok(
      call('returns.item.grade', { number, itemId: mug.itemId, condition: 'damaged', reasonCode: 'damaged_poor_packing', packingErrorConfirmed: true }, DESK),
    );
    expect(graded.items.find((i) => i.id === mug.itemId)).toMatchObject({ condition: 'damaged', disposition: 'refurbish', attributedTo: null });
    await ok(call('returns.item.grade', { number, itemId: wrong.itemId, reasonCode: 'wrong_item_sent', packingErrorConfirmed: false }, DESK));
    expect(graded.shipments[0]?.packer).toBeNull();

    const decided = await ok(call('returns.decide', { number, refund: { amountMinor: 4999, currency: 'PLN' } }, DESK));
    expect(decided).toMatchObject({ status: 'decided', stage: 'awaiting_refund', decision: { refund: { amountMinor: 4999 }, decidedBy: 'Rita Returns' } });
    expect(decided.shipments[0]?.packer).toBe('Anna Kowalska');
    expect(decided.items.find((i) => i.id === mug.itemId)?.attributedTo).toMatchObject({ packer: 'Anna Kowalska' });
    expect(decided.items.find((i) => i.id === wrong.itemId)?.attributedTo).toBeNull();
    expect(await call('returns.item.scan', { number, code: CODES.mug }, DESK)).toMatchObject({ ok: false, error: { code: 'RETURN_WRONG_STATE' } });

    const closed = await ok(call('returns.close', { number }, DESK));
    expect(closed).toMatchObject({ status: 'closed', stage: 'closed' });

    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }, DESK));
    const errors = await ok(call('returns.packingErrors', {}, DESK));
    expect(errors).toEqual([
      expect.objectContaining({ returnNumber: number, orderNumber: 'PD-200001', packer: 'Anna Kowalska', reasonCode: 'damaged_poor_packing' }),
    ]);
    const timeline = await ok(call('review.timeline', { orderNumber: 'PD-200001' }, DESK));
    const types = timeline.entries.map((e) => e.type);
    expect(types.slice(0, 1)).toEqual(['pack.opened']);
    expect(types).toContain('pack.completed');
    for (const type of [
      'returns.identified',
      'returns.opened',
      'returns.eligibility',
      'returns.item.scanned',
      'returns.item.graded',
      'returns.item.disposition',
      'returns.decided',
      'returns.refund_decided',
      'returns.packing_error',
      'returns.closed',
      'returns.deadline_met',
    ]) {
      if (type !== 'returns.identified') expect(types, type).toContain(type);
    }
    expect(timeline.chain.intact).toBe(true);
    // A second return of the same order counts what came back on the first.
    const again = await ok(call('returns.open', { orderNumber: 'PD-200001', type: 'withdrawal' }, DESK));
    expect(again.lines.find((l) => l.sku === 'MUG-01')).toMatchObject({ shipped: 2, returnedBefore: 1 });
  });

  it('refuses a withdrawal after the window and lets a manager override it with a reason', async () => {
    const { fx, call } = await shippedAndAtTheDesk();
    fx.clock.advance(20 * 86_400_000);
    await ok(call('scan.submit', { data: 'PD-R-0001', symbology: null, source: 'wedge' }, DESK));
    const late = await ok(call('returns.open', { orderNumber: 'PD-200001', type: 'withdrawal' }, DESK));
    expect(late.eligibility).toMatchObject({
      eligible: false,
      refusals: [{ key: 'window_closed', params: { lastDay: '2026-12-04', countedFrom: 'shipping' } }],
    });
    await ok(call('returns.item.scan', { number: late.number, code: CODES.mug }, DESK));
    const itemId = (await ok(call('returns.get', { number: late.number }, DESK))).items[0]!.id;
    await ok(call('returns.item.grade', { number: late.number, itemId, condition: 'unopened' }, DESK));
    const refund = { amountMinor: 2500, currency: 'PLN' };
    expect(await call('returns.decide', { number: late.number, refund }, DESK)).toMatchObject({
      ok: false,
      error: { code: 'RETURN_NOT_ELIGIBLE', params: { sentence: 'window_closed' } },
    });
    expect(await call('returns.eligibility.override', { number: late.number, reason: 'Courier lost it for a week' }, DESK)).toMatchObject({
      ok: false,
      error: { code: 'MANAGER_REQUIRED' },
    });
    const overridden = await ok(
      call('returns.eligibility.override', { number: late.number, reason: 'Courier lost it for a week', manager: { badge: 'PD-M-0001' } }, DESK),
    );
    expect(overridden.eligibility.override).toEqual({ manager: 'Maria Manager', reason: 'Courier lost it for a week' });
    expect(await ok(call('returns.decide', { number: late.number, refund }, DESK))).toMatchObject({ status: 'decided' });
    const entry = fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).find((e) => e.type === 'returns.eligibility.overridden');
    expect(entry?.payload).toMatchObject({ manager: 'Maria Manager', reason: 'Courier lost it for a week' });
  });

  it('lists open returns by deadline, overdue ones flagged, and an unanswered complaint past 14 days counts as accepted', async () => {
    const { fx, call } = await shippedAndAtTheDesk();
    const complaint = await ok(call('returns.open', { orderNumber: 'PD-200001', type: 'complaint' }, DESK));
    expect(complaint.deadline).toMatchObject({ kind: 'answer', lastDay: '2026-12-04' });
    fx.clock.advance(3 * 86_400_000);
    await ok(call('scan.submit', { data: 'PD-R-0001', symbology: null, source: 'wedge' }, DESK));
    const withdrawal = await ok(call('returns.open', { orderNumber: 'PD-200001', type: 'withdrawal' }, DESK));
    expect((await ok(call('returns.list', {}, DESK))).returns.map((r) => r.number)).toEqual([complaint.number, withdrawal.number]);
    fx.clock.advance(12 * 86_400_000);
    await ok(call('scan.submit', { data: 'PD-R-0001', symbology: null, source: 'wedge' }, DESK));
    const overdue = await ok(call('returns.list', { overdue: true }, DESK));
    expect(overdue.returns).toEqual([
      expect.objectContaining({ number: complaint.number, deemedAccepted: true, deadline: expect.objectContaining({ overdue: true }) }),
    ]);
    await ok(call('returns.item.scan', { number: complaint.number, code: CODES.mug }, DESK));
    const itemId = (await ok(call('returns.get', { number: complaint.number }, DESK))).items[0]!.id;
    await ok(call('returns.item.grade', { number: complaint.number, itemId, condition: 'damaged', disposition: 'to_supplier' }, DESK));
    expect(await call('returns.decide', { number: complaint.number, outcome: 'rejected', reason: 'Dropped by the customer' }, DESK)).toMatchObject({
      ok: false,
      error: { code: 'RETURN_DECISION_INVALID', params: { sentence: 'complaint_deemed_accepted' } },
    });
    await ok(call('returns.decide', { number: complaint.number, outcome: 'replace' }, DESK));
    const types = fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).map((e) => e.type);
    expect(types).toContain('returns.deadline_missed');
    // Managers see the same list.
    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
    expect((await ok(call('returns.list', {}))).returns.map((r) => r.number)).toEqual([withdrawal.number, complaint.number].sort().reverse().sort());
  });

  it('records a parcel that is not ours, holds it with a deadline, links it to an order later, each step journaled', async () => {
    const { fx, call } = await shippedAndAtTheDesk();
    const parcel = await ok(
      call(
        'returns.notOurs.record',
        { sender: { name: 'Jan Obcy', address: 'ul. Inna 2, Poznań' }, carrier: 'dpd', tracking: 'DPD123', scanned: 'XYZ-1' },
        DESK,
      ),
    );
    expect(parcel).toMatchObject({ number: 'NOP-2026-000001', status: 'held', hold: { kind: 'hold', lastDay: '2026-12-20', overdue: false } });
    expect((await ok(call('returns.identify', { text: 'DPD123' }, DESK))).notOurs.map((p) => p.number)).toEqual([parcel.number]);
    expect((await ok(call('returns.list', {}, DESK))).notOurs.map((p) => p.number)).toEqual([parcel.number]);
    const linked = await ok(call('returns.notOurs.link', { number: parcel.number, orderNumber: 'PD-200001' }, DESK));
    expect(linked).toMatchObject({ status: 'linked', linkedOrderNumber: 'PD-200001' });
    expect(await call('returns.notOurs.resolve', { number: parcel.number, outcome: 'disposed' }, DESK)).toMatchObject({
      ok: false,
      error: { code: 'RETURN_WRONG_STATE' },
    });
    expect(fx.journal.bySubject({ kind: 'return', id: parcel.number }).map((e) => e.type)).toEqual(['returns.not_ours', 'returns.not_ours.linked']);
    expect(fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).map((e) => e.type)).toContain('returns.not_ours.linked');
    const other = await ok(call('returns.notOurs.record', { sender: { name: 'Anna Inna' } }, DESK));
    expect(await ok(call('returns.notOurs.resolve', { number: other.number, outcome: 'sent_back', note: 'Back to sender' }, DESK))).toMatchObject({
      status: 'sent_back',
    });
  });

  it('keeps photos as files with their hash, on the return, and refuses what is not a photo or too large', async () => {
    const { fx, call } = await shippedAndAtTheDesk();
    const opened = await ok(call('returns.open', { orderNumber: 'PD-200001', type: 'complaint' }, DESK));
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('rest of a png')]);
    const photo = await ok(call('returns.photo.add', { number: opened.number, mimeType: 'image/png', data: png.toString('base64') }, DESK));
    expect(photo).toMatchObject({ bytes: png.length, mimeType: 'image/png' });
    expect(photo.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await ok(call('returns.get', { number: opened.number }, DESK))).photos).toEqual([photo]);
    expect(await call('returns.photo.add', { number: opened.number, mimeType: 'image/jpeg', data: png.toString('base64') }, DESK)).toMatchObject({
      ok: false,
      error: { code: 'PHOTO_INVALID' },
    });
    expect(fx.journal.bySubject({ kind: 'order', id: 'PD-200001' }).find((e) => e.type === 'returns.photo')?.payload).toMatchObject({ sha256: photo.sha256 });
  });
});
