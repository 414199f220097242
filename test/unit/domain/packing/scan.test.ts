import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  applyScan,
  enterQuantity,
  lineComplete,
  packedOnLine,
  undoLast,
  type PackingState,
  type ResolvedScan,
} from '../../../../src/domain/packing';
import { BRUSH, KIT, MUG, order, PHONE, product, rules, SOAP, STRANGER, TEA } from './fixtures';

function run(state: PackingState, ...scans: ResolvedScan[]) {
  let current = state;
  const verdicts: string[] = [];
  for (const scan of scans) {
    const step = applyScan(current, scan, 'raw', rules());
    current = step.state;
    verdicts.push(step.outcome.verdict);
  }
  return { state: current, verdicts };
}

describe('scanning items into a parcel', () => {
  it('accepts, then completes the line', () => {
    const { state, verdicts } = run(order(), product(MUG), product(MUG));
    expect(verdicts).toEqual(['accepted', 'line_complete']);
    expect(packedOnLine(state, state.lines[0]!)).toBe(2);
    expect(state.units.map((u) => u.weightGrams)).toEqual([350, 350]);
  });

  it('calls a product that is not in the order a wrong item and holds until acknowledged', () => {
    const { state, verdicts } = run(order(), product(STRANGER), product(MUG));
    expect(verdicts).toEqual(['wrong_item', 'acknowledge_first']);
    expect(state.units).toHaveLength(0);
    const after = applyScan(acknowledge(state), product(MUG), 'raw', rules());
    expect(after.outcome.verdict).toBe('accepted');
  });

  it('refuses one more than ordered as too many', () => {
    expect(run(order(), product(MUG), product(MUG), product(MUG)).verdicts).toEqual(['accepted', 'line_complete', 'too_many']);
  });

  it('refuses a case code worth more than the line still needs, and counts one that fits', () => {
    expect(run(order(), product(MUG, { units: 6 })).verdicts).toEqual(['too_many']);
    const { state, verdicts } = run(order(), product(SOAP, { units: 12 }));
    expect(verdicts).toEqual(['line_complete']);
    expect(state.units[0]).toMatchObject({ count: 12, lineId: 5 });
  });

  it('says how many units a refused case code counts and how many the line still needs', () => {
    const tooBig = applyScan(order(), product(MUG, { units: 6 }), 'raw', rules());
    expect(tooBig.outcome).toMatchObject({ verdict: 'too_many', lineId: 1, units: 0, codeUnits: 6, lineNeeds: 2 });
    const full = run(order(), product(MUG), product(MUG)).state;
    expect(applyScan(full, product(MUG), 'raw', rules()).outcome).toMatchObject({ verdict: 'too_many', codeUnits: 1, lineNeeds: 0 });
    // Soap fits the soap line (12) and the kit (1): the need named is the line with the most room.
    expect(applyScan(order(), product(SOAP, { units: 24 }), 'raw', rules()).outcome).toMatchObject({
      verdict: 'too_many',
      lineId: 5,
      codeUnits: 24,
      lineNeeds: 12,
    });
  });

  it('gives the code as scanned with a scan that names no product, and the product with a wrong item', () => {
    expect(applyScan(order(), { kind: 'other', text: 'XYZ' }, ']C0XYZ', rules()).outcome).toMatchObject({
      verdict: 'unknown_barcode',
      productId: null,
      code: ']C0XYZ',
    });
    expect(applyScan(order(), { kind: 'invalid', verdict: 'bad_check_digit' }, '5901234123458', rules()).outcome).toMatchObject({ code: '5901234123458' });
    expect(applyScan(order(), product(STRANGER), 'raw', rules()).outcome).toMatchObject({ verdict: 'wrong_item', productId: STRANGER });
    expect(applyScan(order(), product(STRANGER), 'raw', rules()).outcome.code).toBeUndefined();
  });

  it('answers unknown, bad-check-digit and malformed scans with their own error verdicts', () => {
    expect(run(order(), { kind: 'other', text: 'XYZ' }).verdicts).toEqual(['unknown_barcode']);
    expect(run(order(), { kind: 'invalid', verdict: 'bad_check_digit' }).verdicts).toEqual(['bad_check_digit']);
    expect(run(order(), { kind: 'invalid', verdict: 'invalid_barcode' }).verdicts).toEqual(['invalid_barcode']);
  });

  it('asks for a serial, takes the next scan as it, and refuses a serial seen before', () => {
    const first = run(order(), product(PHONE));
    expect(first.verdicts).toEqual(['serial_required']);
    const answered = applyScan(first.state, { kind: 'other', text: 'SN-0001' }, 'SN-0001', rules());
    expect(answered.outcome.verdict).toBe('line_complete');
    expect(answered.state.units[0]).toMatchObject({ productId: PHONE, serial: 'SN-0001' });
    const shipped = applyScan(first.state, { kind: 'other', text: 'SN-OLD' }, 'SN-OLD', rules(['SN-OLD']));
    expect(shipped.outcome.verdict).toBe('duplicate_serial');
  });

  it('takes a GS1 serial in the same scan and refuses the same serial twice in one order', () => {
    const twoPhones = { ...order(), lines: order().lines.map((l) => (l.productId === PHONE ? { ...l, ordered: 2 } : l)) };
    const { verdicts } = run(twoPhones, product(PHONE, { serial: 'S1' }), product(PHONE, { serial: 'S1' }));
    expect(verdicts).toEqual(['accepted', 'duplicate_serial']);
  });

  it('keeps asking for the serial when another product is scanned instead', () => {
    expect(run(order(), product(PHONE), product(MUG)).verdicts).toEqual(['serial_required', 'serial_required']);
  });

  it('records the lot, asks for it when missing, and refuses an expired lot', () => {
    expect(run(order(), product(TEA, { lot: 'L1', expiry: '2027-01-31' })).state.units[0]).toMatchObject({ lot: 'L1', expiry: '2027-01-31' });
    const asked = run(order(), product(TEA, { expiry: '2027-01-31' }), { kind: 'other', text: 'L77' });
    expect(asked.verdicts).toEqual(['lot_required', 'line_complete']);
    expect(asked.state.units[0]).toMatchObject({ lot: 'L77', expiry: '2027-01-31' });
    expect(run(order(), product(TEA, { lot: 'L0', expiry: '2026-11-19' })).verdicts).toEqual(['expired_lot']);
  });

  it('asks for the expiry with the lot where expired lots are refused, and refuses an expired one', () => {
    const other = (text: string): ResolvedScan => ({ kind: 'other', text });
    // A plain EAN and a typed lot: the expiry is asked next, as YYMMDD (GS1's AI 17) or a full date.
    const yymmdd = run(order(), product(TEA), other('L77'), other('270131'));
    expect(yymmdd.verdicts).toEqual(['lot_required', 'expiry_required', 'line_complete']);
    expect(yymmdd.state.units[0]).toMatchObject({ lot: 'L77', expiry: '2027-01-31' });
    expect(run(order(), product(TEA), other('L77'), other('2027-01-31')).state.units[0]).toMatchObject({ expiry: '2027-01-31' });
    expect(run(order(), product(TEA), other('L77'), other('31.01.2027')).state.units[0]).toMatchObject({ expiry: '2027-01-31' });
    expect(run(order(), product(TEA), other('L77'), other('270200')).state.units[0]).toMatchObject({ expiry: '2027-02-28' });
    // Today is still good; yesterday is refused, and nothing goes into the parcel.
    expect(run(order(), product(TEA), other('L77'), other('261120')).verdicts.at(-1)).toBe('line_complete');
    const expired = run(order(), product(TEA), other('L77'), other('261119'));
    expect(expired.verdicts).toEqual(['lot_required', 'expiry_required', 'expired_lot']);
    expect(expired.state.units).toEqual([]);
    expect(expired.state.pending).toMatchObject({ kind: 'error', verdict: 'expired_lot' });
    // Not a date: refused, never taken as "no expiry".
    for (const text of ['271331', '2027-02-30', 'L78', '']) {
      expect(run(order(), product(TEA), other('L77'), other(text)).verdicts.at(-1), text).toBe('invalid_expiry');
    }
    // A GS1 code with the lot but no expiry asks for the expiry too; one with both asks nothing.
    expect(run(order(), product(TEA, { lot: 'L1' })).verdicts).toEqual(['expiry_required']);
    expect(run(order(), product(TEA, { lot: 'L1' }), product(TEA, { lot: 'L1', expiry: '2025-01-01' })).verdicts).toEqual(['expiry_required', 'expired_lot']);
    // The question waits: another product does not answer it, an undo takes it back.
    const waiting = run(order(), product(TEA), other('L77'), product(MUG));
    expect(waiting.verdicts.at(-1)).toBe('expiry_required');
    expect(waiting.state.pending).toMatchObject({ kind: 'expiry', lot: 'L77' });
    expect(undoLast(waiting.state).state.pending).toBeNull();
  });

  it('asks no expiry of a lot whose expiry nobody refuses', () => {
    const relaxed = { ...order(), lines: order().lines.map((l) => (l.productId === TEA ? { ...l, refuseExpired: false } : l)) };
    expect(run(relaxed, product(TEA), { kind: 'other', text: 'L77' }).verdicts).toEqual(['lot_required', 'line_complete']);
  });

  it('packs a kit from its components or as the pre-assembled kit, never both', () => {
    const kitOnly = { ...order(), lines: order().lines.filter((l) => l.productId !== SOAP) };
    const parts = run(kitOnly, product(BRUSH), product(SOAP), product(BRUSH));
    expect(parts.verdicts).toEqual(['accepted', 'accepted', 'line_complete']);
    expect(lineComplete(parts.state, parts.state.lines[3]!)).toBe(true);
    expect(run(order(), product(KIT)).verdicts).toEqual(['line_complete']);
    expect(run(order(), product(BRUSH), product(KIT)).verdicts).toEqual(['accepted', 'too_many']);
    expect(run(order(), product(KIT), product(BRUSH)).verdicts).toEqual(['line_complete', 'too_many']);
  });

  it('asks for a typed quantity on bulk lines, within what is left', () => {
    const asked = run(order(), product(SOAP, { units: 1 }));
    // The kit also takes soap, but the soap line itself comes first.
    expect(asked.verdicts).toEqual(['quantity_required']);
    expect(enterQuantity(asked.state, 13).outcome.verdict).toBe('too_many');
    const typed = enterQuantity(asked.state, 12);
    expect(typed.outcome).toMatchObject({ verdict: 'line_complete', units: 12 });
  });

  it('says order complete on the last unit', () => {
    const { verdicts } = run(
      order(),
      product(MUG),
      product(MUG),
      product(TEA, { lot: 'L1', expiry: '2027-01-31' }),
      product(PHONE, { serial: 'SN-9' }),
      product(KIT),
      product(SOAP, { units: 12 }),
    );
    expect(verdicts.at(-1)).toBe('order_complete');
  });

  it('undoes the last scan exactly, and a prompt before any unit', () => {
    const { state } = run(order(), product(MUG), product(MUG));
    const undone = undoLast(state);
    expect(undone.removed?.id).toBe(2);
    expect(undone.state.units.map((u) => u.id)).toEqual([1]);
    const prompt = run(order(), product(PHONE)).state;
    expect(undoLast(prompt).state.pending).toBeNull();
    expect(undoLast(order()).removed).toBeNull();
  });

  it('chooses the active parcel box from a box scan', () => {
    const { state, verdicts } = run(order(), { kind: 'box', boxCode: 'K1', tareGrams: 120 });
    expect(verdicts).toEqual(['box_chosen']);
    expect(state.parcels[0]).toMatchObject({ boxCode: 'K1', tareGrams: 120 });
  });
});
