import { describe, expect, it } from 'vitest';
import { describeSymbology, splitSymbology } from '../../../../src/domain/barcode/aim';

describe('AIM symbology identifiers', () => {
  it.each([
    [']C1', 'GS1-128', true],
    [']C0', 'Code 128', false],
    [']d2', 'GS1 DataMatrix', true],
    [']d1', 'Data Matrix', false],
    [']d5', 'GS1 DataMatrix', true],
    [']Q4', 'GS1 QR Code', true],
    [']J0', 'DotCode', false],
    [']Q3', 'GS1 QR Code', true],
    [']Q1', 'QR Code', false],
    [']e0', 'GS1 DataBar', true],
    [']E0', 'EAN-13/UPC-A/UPC-E', false],
    [']E4', 'EAN-8', false],
    [']A0', 'Code 39', false],
    [']I1', 'Interleaved 2 of 5', false],
  ])('%s is %s (GS1: %s)', (id, name, gs1) => {
    expect(describeSymbology(id)).toEqual({ id, name, gs1 });
  });

  it('strips the identifier and reports it', () => {
    expect(splitSymbology(']d2010950110153000310ABC')).toEqual({
      symbology: { id: ']d2', name: 'GS1 DataMatrix', gs1: true },
      data: '010950110153000310ABC',
    });
    expect(splitSymbology(']E4')).toMatchObject({ symbology: { id: ']E4' }, data: '' });
  });

  it('leaves data without a known identifier whole', () => {
    expect(splitSymbology('ABC-1')).toEqual({ symbology: null, data: 'ABC-1' });
    expect(splitSymbology(']Y1ABC')).toEqual({ symbology: null, data: ']Y1ABC' }); // no such family
    expect(splitSymbology(']C')).toEqual({ symbology: null, data: ']C' }); // too short
    expect(splitSymbology(']C!X')).toEqual({ symbology: null, data: ']C!X' }); // not a modifier
    expect(splitSymbology('')).toEqual({ symbology: null, data: '' });
  });
});
