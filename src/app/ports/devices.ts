/**
 * Scanners and scales as the core sees them. Every input path (keyboard wedge in the renderer,
 * HID POS scanner, a code typed by hand) ends as one RawScan; every scale as ScaleReadings.
 */

/** Whether a device is there to be used; `message` explains a disconnect or error for logs. */
export interface DeviceStatus {
  state: 'connected' | 'disconnected' | 'error';
  /** Human-readable device name, e.g. "Honeywell Xenon 1950g (0c2e:0b87)". */
  device: string | null;
  message: string | null;
}

export type ScanSource = 'wedge' | 'hid' | 'manual';

export interface RawScan {
  /** Decoded data as the scanner sent it; GS (FNC1) kept as \x1D. */
  data: string;
  /** AIM symbology identifier such as "]d2", or null when the scanner did not send one. */
  symbology: string | null;
  source: ScanSource;
  device: string | null;
}

/** Unsubscribes the listener it was returned for. */
export type Unsubscribe = () => void;

export interface ScannerPort {
  start(): void;
  stop(): void;
  onScan(listener: (scan: RawScan) => void): Unsubscribe;
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe;
  status(): DeviceStatus;
}

/** Scale statuses of the HID POS usage tables (usage page 0x8D), in the scale's own order. */
export type ScaleStatus = 'fault' | 'zero' | 'in_motion' | 'stable' | 'under_zero' | 'overweight' | 'needs_calibration' | 'needs_rezero';

export type ScaleUnit = 'g' | 'kg' | 'oz' | 'lb' | 'unknown';

export interface ScaleReading {
  status: ScaleStatus;
  /** Weight in grams when the scale reports one that can be trusted (zero, in motion, stable). */
  grams: number | null;
  /** True only for a settled reading (stable, or a settled zero). */
  stable: boolean;
  /** What the scale said, before conversion, for logs and support. */
  raw: { unit: ScaleUnit; value: number };
  /** ISO 8601 time the reading arrived. */
  at: string;
}

export interface ScalePort {
  start(): void;
  stop(): void;
  /** The latest reading, or null when no scale is connected or none has reported yet. */
  current(): ScaleReading | null;
  onReading(listener: (reading: ScaleReading) => void): Unsubscribe;
  onStatus(listener: (status: DeviceStatus) => void): Unsubscribe;
  status(): DeviceStatus;
}
