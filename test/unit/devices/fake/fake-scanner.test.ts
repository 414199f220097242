import { describe, it, expect } from 'vitest';
import type { DeviceStatus, RawScan } from '../../../../src/app/ports/devices';
import { FakeScanner } from '../../../../src/devices/fake/fake-scanner';

describe('FakeScanner', () => {
  it('delivers scans only while started, like a plugged-in scanner', () => {
    const scanner = new FakeScanner();
    const scans: RawScan[] = [];
    scanner.onScan((s) => scans.push(s));
    expect(scanner.emit('5901234123457', ']E0')).toBe(false);
    scanner.start();
    expect(scanner.emit('0109506000134352\x1d10LOT', ']d2')).toBe(true);
    expect(scanner.emit('SKU-1')).toBe(true);
    scanner.stop();
    expect(scanner.emit('lost')).toBe(false);
    expect(scans).toEqual([
      { data: '0109506000134352\x1d10LOT', symbology: ']d2', source: 'hid', device: 'Fake scanner' },
      { data: 'SKU-1', symbology: null, source: 'hid', device: 'Fake scanner' },
    ]);
  });

  it('reports connect, unplug and stop as statuses', () => {
    const scanner = new FakeScanner({ device: 'Bench scanner', source: 'wedge' });
    const statuses: DeviceStatus[] = [];
    scanner.onStatus((s) => statuses.push(s));
    scanner.start();
    scanner.start();
    scanner.disconnect('cable pulled');
    expect(scanner.emit('x')).toBe(false);
    scanner.start();
    scanner.stop();
    expect(statuses).toEqual([
      { state: 'connected', device: 'Bench scanner', message: null },
      { state: 'disconnected', device: 'Bench scanner', message: 'cable pulled' },
      { state: 'connected', device: 'Bench scanner', message: null },
      { state: 'disconnected', device: null, message: null },
    ]);
  });

  it('labels scans with the configured source and lets a listener unsubscribe', () => {
    const scanner = new FakeScanner({ source: 'manual' });
    const scans: RawScan[] = [];
    const off = scanner.onScan((s) => scans.push(s));
    scanner.start();
    scanner.emit('A');
    off();
    scanner.emit('B');
    expect(scans.map((s) => [s.data, s.source])).toEqual([['A', 'manual']]);
  });

  it('lets a failing listener fail the caller, so a test sees the bug', () => {
    const scanner = new FakeScanner();
    scanner.onScan(() => {
      throw new Error('listener bug');
    });
    scanner.start();
    expect(() => scanner.emit('A')).toThrow('listener bug');
  });
});
