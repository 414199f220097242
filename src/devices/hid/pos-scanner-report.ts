/**
 * HID POS barcode scanner reports (usage page 0x8C, usage 0x02), without any I/O.
 *
 * The scanned-data input report has report id 0x02 and is 64 bytes with the id, 63 without.
 * Offsets below are into the body, after the report id:
 *   0      length of the decoded data in this packet (at most 56)
 *   1–3    AIM symbology identifier, e.g. "]d2"
 *   4–59   decoded data, zero padded
 *   60     vendor symbology code (Honeywell's code id, e.g. 'w' for DataMatrix)
 *   61     reserved
 *   62     bit 0: more packets of the same scan follow
 * Sources: USB-IF HID Point of Sale Usage Tables 1.02 (Scanned Data Report, Decoded Data
 * Continued) and the HID input report tables in Access-IS and Honeywell scanner manuals.
 */

export const SCANNED_DATA_REPORT_ID = 0x02;
export const SCANNER_BODY_LENGTH = 63;
const DATA_OFFSET = 4;
export const MAX_PACKET_DATA = 56;
const VENDOR_CODE_OFFSET = 60;
const CONTINUED_OFFSET = 62;
const AIM_FLAG = 0x5d; // ']'

/**
 * Whether reports carry their id in byte 0. hidapi prepends it for devices with numbered
 * reports; 'auto' tells the two apart by length (64 with the id, 63 without).
 */
export type ReportIdMode = 'auto' | 'present' | 'absent';

export interface ScannerPacket {
  symbology: string | null;
  data: Uint8Array;
  vendorCode: string | null;
  more: boolean;
}

export type ScannerRejection = 'too_short' | 'wrong_report_id' | 'bad_length';

export type ScannerPacketResult = { ok: true; packet: ScannerPacket } | { ok: false; reason: ScannerRejection };

function printable(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x21 && byte <= 0x7e;
}

function bodyOf(report: ArrayLike<number>, mode: ReportIdMode): ArrayLike<number> | ScannerRejection {
  const withId = mode === 'present' || (mode === 'auto' && report.length > SCANNER_BODY_LENGTH);
  if (!withId) return report;
  if (report[0] !== SCANNED_DATA_REPORT_ID) return 'wrong_report_id';
  return Array.prototype.slice.call(report, 1) as number[];
}

/** Reads one packet; anything that does not fit the layout is rejected with a reason. */
export function parseScannerPacket(report: ArrayLike<number>, mode: ReportIdMode = 'auto'): ScannerPacketResult {
  const body = bodyOf(report, mode);
  if (typeof body === 'string') return { ok: false, reason: body };
  if (body.length < SCANNER_BODY_LENGTH) return { ok: false, reason: 'too_short' };
  const length = body[0] ?? 0;
  if (length > MAX_PACKET_DATA) return { ok: false, reason: 'bad_length' };

  const aim = [body[1], body[2], body[3]];
  const symbology = aim[0] === AIM_FLAG && printable(aim[1]) && printable(aim[2]) ? String.fromCharCode(...(aim as number[])) : null;
  const data = new Uint8Array(length);
  for (let i = 0; i < length; i++) data[i] = (body[DATA_OFFSET + i] ?? 0) & 0xff;
  const code = body[VENDOR_CODE_OFFSET];
  return {
    ok: true,
    packet: {
      symbology,
      data,
      vendorCode: printable(code) ? String.fromCharCode(code as number) : null,
      more: ((body[CONTINUED_OFFSET] ?? 0) & 0x01) === 1,
    },
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Scanners send bytes; most codes are ASCII and 2D codes are often UTF-8. Bytes that are not
 * valid UTF-8 are kept one character per byte (Latin-1) so nothing the scanner sent is lost.
 */
export function decodeScanBytes(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return String.fromCharCode(...bytes);
  }
}

export interface AssembledScan {
  data: string;
  symbology: string | null;
  vendorCode: string | null;
}

export type AssemblyStep =
  | { kind: 'scan'; scan: AssembledScan; discardedBytes: number }
  | { kind: 'partial'; discardedBytes: number }
  | { kind: 'ignored'; reason: ScannerRejection | 'empty' | 'too_long'; discardedBytes: number };

export interface ScanAssemblerOptions {
  reportId?: ReportIdMode;
  /** A scan longer than this is dropped: no barcode a packer scans comes near it. */
  maxBytes?: number;
  /** A partial scan older than this is dropped when the next packet arrives. */
  staleAfterMs?: number;
  now?: () => number;
}

/**
 * Joins the packets of one scan. Never throws on device input: garbage is answered with an
 * `ignored` step so the adapter can log it, and a half-finished scan never leaks into the next.
 */
export class ScanAssembler {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private symbology: string | null = null;
  private vendorCode: string | null = null;
  private lastAt = 0;
  private readonly reportId: ReportIdMode;
  private readonly maxBytes: number;
  private readonly staleAfterMs: number;
  private readonly now: () => number;

  constructor(options: ScanAssemblerOptions = {}) {
    this.reportId = options.reportId ?? 'auto';
    this.maxBytes = options.maxBytes ?? 8192;
    this.staleAfterMs = options.staleAfterMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Bytes held from packets that said more would follow. */
  get pendingBytes(): number {
    return this.size;
  }

  push(report: ArrayLike<number>): AssemblyStep {
    const at = this.now();
    let discardedBytes = 0;
    if (this.size > 0 && at - this.lastAt > this.staleAfterMs) discardedBytes = this.reset();
    this.lastAt = at;

    const parsed = parseScannerPacket(report, this.reportId);
    if (!parsed.ok) return { kind: 'ignored', reason: parsed.reason, discardedBytes };
    const { packet } = parsed;

    if (this.size + packet.data.length > this.maxBytes) {
      return { kind: 'ignored', reason: 'too_long', discardedBytes: discardedBytes + this.reset() };
    }
    if (packet.data.length > 0) {
      this.chunks.push(packet.data);
      this.size += packet.data.length;
    }
    this.symbology ??= packet.symbology;
    this.vendorCode ??= packet.vendorCode;
    if (packet.more) return { kind: 'partial', discardedBytes };

    if (this.size === 0) {
      this.reset();
      return { kind: 'ignored', reason: 'empty', discardedBytes };
    }
    const bytes = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    const scan = { data: decodeScanBytes(bytes), symbology: this.symbology, vendorCode: this.vendorCode };
    this.reset();
    return { kind: 'scan', scan, discardedBytes };
  }

  /** Drops any partial scan and says how many bytes it held. */
  reset(): number {
    const dropped = this.size;
    this.chunks = [];
    this.size = 0;
    this.symbology = null;
    this.vendorCode = null;
    return dropped;
  }
}
