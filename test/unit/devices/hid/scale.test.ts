import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import type { DeviceStatus, ScaleReading } from '../../../../src/app/ports/devices';
import { HidScale } from '../../../../src/devices/hid/scale';
import { DYMO_M10, FakeHidModule, HONEYWELL_1950, KEYBOARD, recordingLogger } from './fake-hid';

const DYMO_NAME = 'DYMO M10 10 Kg Digital Postal Scale (0922:8003)';
const T0 = Date.parse('2025-03-04T10:15:00.000Z');

function weight(status: number, grams: number): number[] {
  return [0x03, status, 2, 0, grams & 0xff, grams >> 8];
}

function setup(devices = [KEYBOARD, HONEYWELL_1950, DYMO_M10]) {
  const hid = new FakeHidModule(devices);
  const logger = recordingLogger();
  let now = T0;
  const scale = new HidScale({ hid, logger, retryMs: 1000, clock: { now: () => new Date(now++) } });
  const readings: ScaleReading[] = [];
  const statuses: DeviceStatus[] = [];
  scale.onReading((r) => readings.push(r));
  scale.onStatus((s) => statuses.push(s));
  return { hid, logger, scale, readings, statuses };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('HidScale', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens the scale on usage page 0x8D and stamps readings with the clock', async () => {
    const { hid, scale, readings } = setup();
    scale.start();
    await settle();
    expect(hid.device.info.path).toBe(DYMO_M10.path);
    expect(hid.device.featureReports).toEqual([]);
    expect(scale.status()).toEqual({ state: 'connected', device: DYMO_NAME, message: null });
    expect(scale.current()).toBeNull();

    hid.device.report(weight(4, 1250));
    expect(readings).toEqual([{ status: 'stable', grams: 1250, stable: true, raw: { unit: 'g', value: 1250 }, at: '2025-03-04T10:15:00.000Z' }]);
    expect(scale.current()).toEqual(readings[0]);
  });

  it('tells listeners only about changes but keeps current() fresh', async () => {
    const { hid, scale, readings } = setup();
    scale.start();
    await settle();
    hid.device.report(weight(3, 900));
    hid.device.report(weight(3, 900));
    hid.device.report(weight(4, 1000));
    hid.device.report(weight(4, 1000));
    hid.device.report(weight(4, 1000));
    expect(readings.map((r) => [r.status, r.grams])).toEqual([
      ['in_motion', 900],
      ['stable', 1000],
    ]);
    expect(scale.current()?.at).toBe('2025-03-04T10:15:00.004Z');
  });

  it('logs a run of bad reports once and goes on reading', async () => {
    const { hid, scale, readings, logger } = setup();
    scale.start();
    await settle();
    for (let i = 0; i < 5; i++) hid.device.report([0x03, 9, 2, 0, 0, 0]);
    hid.device.report([0x03]);
    hid.device.report(weight(2, 0));
    hid.device.report([0x03, 9, 2, 0, 0, 0]);
    const warnings = logger.lines.filter((l) => l.msg === 'scale report ignored').map((l) => l.fields?.reason);
    expect(warnings).toEqual(['unknown_status', 'too_short', 'unknown_status']);
    expect(readings.map((r) => r.status)).toEqual(['zero']);
  });

  it('forgets the weight when the scale is lost and reads again after reconnecting', async () => {
    const { hid, scale, readings, statuses } = setup();
    scale.start();
    await settle();
    const first = hid.device;
    first.report(weight(4, 2000));
    first.fail('device disconnected');
    expect(scale.current()).toBeNull();
    expect(scale.status()).toEqual({ state: 'disconnected', device: DYMO_NAME, message: 'device disconnected' });
    await settle();
    expect(first.closed).toBe(true);

    await vi.advanceTimersByTimeAsync(1000);
    expect(scale.status().state).toBe('connected');
    hid.device.report(weight(4, 2000));
    expect(readings.map((r) => r.grams)).toEqual([2000, 2000]);
    expect(statuses.map((s) => s.state)).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('closes the scale on stop and does not reconnect', async () => {
    const { hid, scale } = setup();
    scale.start();
    await settle();
    hid.device.report(weight(4, 2000));
    scale.stop();
    await settle();
    expect(hid.device.closed).toBe(true);
    expect(scale.current()).toBeNull();
    expect(scale.status()).toEqual({ state: 'disconnected', device: null, message: null });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hid.opened).toHaveLength(1);
  });
});
