import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ReportIdMode } from '../../../../src/devices/hid/pos-scanner-report';
import { ScanAssembler, decodeScanBytes, parseScannerPacket } from '../../../../src/devices/hid/pos-scanner-report';
import { hidFixture } from './fake-hid';

interface ScanFixture {
  reportId: ReportIdMode;
  reports: number[][];
  expected: { data: string; symbology: string | null; vendorCode: string | null }[];
}

interface GarbageFixture {
  cases: { name: string; report: number[]; reason: string }[];
}

function assemble(fixture: ScanFixture, mode: ReportIdMode = fixture.reportId) {
  const assembler = new ScanAssembler({ reportId: mode });
  return fixture.reports.map((r) => assembler.push(r));
}

/** A 64-byte report with the id, as the documented layout lays it out. */
function report(aim: string, text: string, options: { more?: boolean; code?: number } = {}): number[] {
  const bytes = [0x02, text.length, ...[...aim].map((c) => c.charCodeAt(0))];
  for (const c of text) bytes.push(c.charCodeAt(0));
  while (bytes.length < 64) bytes.push(0);
  bytes[61] = options.code ?? 0;
  bytes[63] = options.more ? 1 : 0;
  return bytes;
}

describe('HID POS scanned-data reports from recorded fixtures', () => {
  const files = ['scanner-ean13-single.json', 'scanner-gs1-datamatrix-multi.json', 'scanner-honeywell.json', 'scanner-no-report-id.json'];
  for (const file of files) {
    it(`assembles ${file}`, () => {
      const fixture = hidFixture<ScanFixture>(file);
      const scans = assemble(fixture).flatMap((step) => (step.kind === 'scan' ? [step.scan] : []));
      expect(scans).toEqual(fixture.expected);
    });

    it(`reads ${file} the same when the report id is detected`, () => {
      const fixture = hidFixture<ScanFixture>(file);
      expect(assemble(fixture, 'auto')).toEqual(assemble(fixture));
    });
  }

  it('keeps GS separators and the ]d2 identifier of a multi-packet GS1 DataMatrix', () => {
    const fixture = hidFixture<ScanFixture>('scanner-gs1-datamatrix-multi.json');
    const steps = assemble(fixture);
    expect(steps.map((s) => s.kind)).toEqual(['partial', 'scan']);
    const last = steps[1];
    expect(last?.kind === 'scan' && last.scan.data.split('\x1d')).toEqual(['01095060001343521727123110LOT-2024-A7', '21SN9876543210ABCDEFGH', '240PART-42']);
  });

  it('joins a UTF-8 character whose bytes straddle two packets', () => {
    const fixture = hidFixture<ScanFixture>('scanner-no-report-id.json');
    const first = parseScannerPacket(fixture.reports[0] ?? [], 'absent');
    expect(first.ok && first.packet.data.at(-1)).toBe(0xc5);
    expect(fixture.expected[0]?.data).toContain('xŻÓŁĆ-y');
  });

  it('reads the Honeywell code id at body byte 60', () => {
    const parsed = parseScannerPacket(report(']E0', '5901234123457', { code: 0x64 }));
    expect(parsed).toMatchObject({ ok: true, packet: { vendorCode: 'd', symbology: ']E0', more: false } });
  });
});

describe('parseScannerPacket', () => {
  it('rejects reports with another report id when the id is present', () => {
    const bytes = report(']E0', '123');
    bytes[0] = 0x01;
    expect(parseScannerPacket(bytes, 'present')).toEqual({ ok: false, reason: 'wrong_report_id' });
    expect(parseScannerPacket(bytes, 'auto')).toEqual({ ok: false, reason: 'wrong_report_id' });
  });

  it('treats a 63-byte report as one without the id in auto mode, and as too short when the id is expected', () => {
    const body = report(']E0', '123').slice(1);
    expect(parseScannerPacket(body, 'auto')).toMatchObject({ ok: true, packet: { symbology: ']E0' } });
    expect(parseScannerPacket(body, 'present')).toEqual({ ok: false, reason: 'wrong_report_id' });
    expect(parseScannerPacket(body.slice(0, 40), 'absent')).toEqual({ ok: false, reason: 'too_short' });
  });

  it('reports no symbology when the AIM bytes are not an identifier', () => {
    for (const aim of ['\0\0\0', 'E0 ', '] 0', ']\x1d0']) {
      const parsed = parseScannerPacket(report(aim, '123'));
      expect(parsed.ok && parsed.packet.symbology).toBeNull();
    }
  });

  it('reads only `length` bytes of the data field, ignoring padding', () => {
    const bytes = report(']C0', 'ABCDEF');
    bytes[1] = 3;
    const parsed = parseScannerPacket(bytes);
    expect(parsed.ok && decodeScanBytes(parsed.packet.data)).toBe('ABC');
  });

  it('answers the garbage fixture with a reason, never a throw', () => {
    const fixture = hidFixture<GarbageFixture>('scanner-garbage.json');
    for (const c of fixture.cases) {
      const step = new ScanAssembler().push(c.report);
      expect({ name: c.name, step }).toEqual({ name: c.name, step: { kind: 'ignored', reason: c.reason, discardedBytes: 0 } });
    }
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.constantFrom<ReportIdMode>('auto', 'present', 'absent'), (bytes, mode) => {
        const result = parseScannerPacket(bytes, mode);
        if (result.ok) expect(result.packet.data.length).toBeLessThanOrEqual(56);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ScanAssembler', () => {
  it('keeps the first AIM identifier of a scan and clears it for the next one', () => {
    const assembler = new ScanAssembler();
    expect(assembler.push(report(']d2', 'AB', { more: true })).kind).toBe('partial');
    expect(assembler.pendingBytes).toBe(2);
    expect(assembler.push(report(']d2', 'CD'))).toEqual({
      kind: 'scan',
      scan: { data: 'ABCD', symbology: ']d2', vendorCode: null },
      discardedBytes: 0,
    });
    const next = assembler.push(report('\0\0\0', 'XYZ'));
    expect(next.kind === 'scan' && next.scan).toEqual({ data: 'XYZ', symbology: null, vendorCode: null });
  });

  it('drops a partial scan that went stale instead of prefixing the next scan with it', () => {
    let now = 1_000;
    const assembler = new ScanAssembler({ staleAfterMs: 500, now: () => now });
    assembler.push(report(']d2', 'OLDPART', { more: true }));
    now += 501;
    const step = assembler.push(report(']E0', '5901234123457'));
    expect(step).toEqual({
      kind: 'scan',
      scan: { data: '5901234123457', symbology: ']E0', vendorCode: null },
      discardedBytes: 7,
    });
  });

  it('joins packets that arrive within the stale limit', () => {
    let now = 0;
    const assembler = new ScanAssembler({ staleAfterMs: 500, now: () => now });
    assembler.push(report(']d2', 'AB', { more: true }));
    now += 500;
    const step = assembler.push(report(']d2', 'CD'));
    expect(step.kind === 'scan' && step.scan.data).toBe('ABCD');
  });

  it('drops a scan that grows past the byte limit', () => {
    const assembler = new ScanAssembler({ maxBytes: 100 });
    const chunk = 'X'.repeat(56);
    expect(assembler.push(report(']d1', chunk, { more: true })).kind).toBe('partial');
    expect(assembler.push(report(']d1', chunk, { more: true }))).toEqual({
      kind: 'ignored',
      reason: 'too_long',
      discardedBytes: 56,
    });
    expect(assembler.pendingBytes).toBe(0);
    const step = assembler.push(report(']E0', '123'));
    expect(step.kind === 'scan' && step.scan.data).toBe('123');
  });

  it('keeps the partial scan when a garbage report arrives between its packets', () => {
    const assembler = new ScanAssembler();
    assembler.push(report(']d2', 'AB', { more: true }));
    expect(assembler.push([0x02, 1, 2]).kind).toBe('ignored');
    const step = assembler.push(report(']d2', 'CD'));
    expect(step.kind === 'scan' && step.scan.data).toBe('ABCD');
  });

  it('survives any sequence of random reports and then still reads a clean scan', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 60, maxLength: 64 }), { maxLength: 20 }), (reports) => {
        const assembler = new ScanAssembler({ now: () => 0 });
        for (const r of reports) assembler.push(r);
        assembler.reset();
        const step = assembler.push(report(']E0', '5901234123457'));
        expect(step.kind === 'scan' && step.scan.data).toBe('5901234123457');
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeScanBytes', () => {
  it('decodes UTF-8 and keeps control characters such as GS', () => {
    expect(decodeScanBytes(Uint8Array.from(Buffer.from('10AB\x1d21Ż', 'utf8')))).toBe('10AB\x1d21Ż');
  });

  it('keeps bytes that are not UTF-8 one character per byte', () => {
    expect(decodeScanBytes(Uint8Array.of(0x41, 0xff, 0xc3, 0x42))).toBe('A\u00ff\u00c3B');
  });
});
