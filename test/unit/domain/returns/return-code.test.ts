import { describe, expect, it } from 'vitest';
import { orderNumberInReturnCode, returnCodeFor } from '../../../../src/domain/returns/return-code';

describe('the slip’s return code', () => {
  it('is RET- and the order number, read back as the order number', () => {
    expect(returnCodeFor('PD-100001')).toBe('RET-PD-100001');
    expect(orderNumberInReturnCode(returnCodeFor('PD-100001'))).toBe('PD-100001');
    expect(orderNumberInReturnCode(' ret-PD-7 ')).toBe('PD-7');
  });

  it('is not an order number, a bare prefix or anything else', () => {
    for (const text of ['PD-100001', 'RET-', 'RET- ', 'RETURN', 'R-2026-0001', '', 'XRET-PD-1']) expect(orderNumberInReturnCode(text)).toBeNull();
  });
});
