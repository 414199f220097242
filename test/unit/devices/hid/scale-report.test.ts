import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ScaleReading } from '../../../../src/app/ports/devices';
import { parseScaleReport, sameReading } from '../../../../src/devices/hid/scale-report';
import { hidFixture } from './fake-hid';

interface ScaleFixture {
  cases: { name: string; report: number[]; expected: Omit<ScaleReading, 'at'> }[];
  rejected: { name: string; report: number[]; reason: string }[];
}

const AT = '2025-03-04T10:15:00.000Z';
const fixture = hidFixture<ScaleFixture>('scale-reports.json');

describe('USB HID scale reports from fixtures', () => {
  for (const c of fixture.cases) {
    it(`reads ${c.name}`, () => {
      expect(parseScaleReport(c.report, AT)).toEqual({ ok: true, reading: { ...c.expected, at: AT } });
    });
  }

  for (const c of fixture.rejected) {
    it(`rejects ${c.name}`, () => {
      expect(parseScaleReport(c.report, AT)).toEqual({ ok: false, reason: c.reason });
    });
  }
});

describe('parseScaleReport', () => {
  it('reads the weight little-endian', () => {
    const result = parseScaleReport([0x03, 4, 2, 0, 0x01, 0x02], AT);
    expect(result.ok && result.reading.grams).toBe(0x0201);
  });

  it('treats the exponent byte as signed', () => {
    const tenths = parseScaleReport([0x03, 4, 2, 0xff, 100, 0], AT);
    const tens = parseScaleReport([0x03, 4, 2, 0x01, 100, 0], AT);
    expect(tenths.ok && tenths.reading.grams).toBe(10);
    expect(tens.ok && tens.reading.grams).toBe(1000);
  });

  it('gives exact decimal values for negative exponents', () => {
    for (let raw = 0; raw < 2000; raw += 7) {
      const result = parseScaleReport([0x03, 4, 3, 0xfd, raw & 0xff, raw >> 8], AT);
      expect(result.ok && result.reading.raw.value).toBe(Number((raw / 1000).toFixed(3)));
    }
  });

  it('never throws and only trusts weights while weighing normally', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 10 }), (bytes) => {
        const result = parseScaleReport(bytes, AT);
        if (!result.ok) return;
        const { status, grams } = result.reading;
        if (grams !== null) expect(['zero', 'in_motion', 'stable']).toContain(status);
        if (grams !== null) expect(Number.isFinite(grams)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('sameReading', () => {
  const reading = (grams: number, status: ScaleReading['status'] = 'stable'): ScaleReading => ({
    status,
    grams,
    stable: status === 'stable',
    raw: { unit: 'g', value: grams },
    at: AT,
  });

  it('ignores the arrival time but not the weight or status', () => {
    expect(sameReading(reading(500), { ...reading(500), at: '2025-03-04T10:15:01.000Z' })).toBe(true);
    expect(sameReading(reading(500), reading(501))).toBe(false);
    expect(sameReading(reading(500), reading(500, 'in_motion'))).toBe(false);
    expect(sameReading(null, reading(500))).toBe(false);
  });
});
