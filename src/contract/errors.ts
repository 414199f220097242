/**
 * Every error the core can return across the boundary. The renderer turns a code into a
 * sentence in the packer's language (renderer/i18n); logs keep the code and the cause.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_METHOD',
  'NOT_LOGGED_IN',
  'FORBIDDEN',
  'BADGE_UNKNOWN',
  'PIN_WRONG',
  'PIN_REQUIRED',
  'BADGE_REQUIRED',
  'STATION_BUSY',
  'LOGIN_NOT_FOUND',
  'REQUEST_REFUSED',
  'USER_INACTIVE',
  'ORDER_NOT_FOUND',
  'ORDER_CANCELLED',
  'ORDER_SHIPPED',
  'ORDER_ON_HOLD',
  'ORDER_OPEN_ELSEWHERE',
  'PACKING_NOT_OPEN',
  'PACKING_BLOCKED',
  'PARCEL_NOT_FOUND',
  'BOX_NOT_FOUND',
  'MANAGER_REQUIRED',
  'SCALE_UNAVAILABLE',
  'SCALE_UNSTABLE',
  'DATABASE_CORRUPT',
  'DATABASE_TOO_NEW',
  'DISK_FULL',
  'BACKUP_FAILED',
  'UNAUTHORIZED',
  'INTERNAL',
  'PRINT_JOB_NOT_FOUND',
  'DOCUMENT_NOT_FOUND',
  'PRINTER_NOT_SET_UP',
  'PRINTER_UNAVAILABLE',
  'SYNC_NOT_CONFIGURED',
  'SYNC_UNREACHABLE',
  'SYNC_AUTH_FAILED',
  'SYNC_REFUSED',
  'SYNC_RATE_LIMITED',
  'SYNC_EVENT_NOT_PARKED',
  'SYNC_INSECURE_URL',
  'SYNC_PATH_NOT_ALLOWED',
  'VIDEO_SEGMENT_NOT_FOUND',
  'VIDEO_CHUNK_OUT_OF_ORDER',
  'VIDEO_REQUIRED',
  'VIDEO_CAP_REACHED',
  'VIDEO_QUOTA_FULL',
  'NVR_TEMPLATE_INVALID',
  'EVIDENCE_UNAVAILABLE',
  'JOURNAL_CHECK_RUNNING',
  'ORDER_NOT_LOCKED',
  'ORDER_BEING_PACKED',
  'USER_NOT_FOUND',
  'BADGE_IN_USE',
  'BADGE_PRINTER_NEEDED',
  'STATION_NOT_FOUND',
  'RETURN_SLIP_AT_PACKING',
  'RETURN_NOT_FOUND',
  'RETURN_WRONG_STATE',
  'RETURN_NOT_ELIGIBLE',
  'RETURN_ITEM_REFUSED',
  'RETURN_DECISION_INVALID',
  'NOT_OURS_NOT_FOUND',
  'PHOTO_INVALID',
  'PHOTO_TOO_LARGE',
  'STATISTICS_UNAVAILABLE',
  'SHIFTS_INVALID',
  'ORDER_NOT_LEASED',
  'CENTRAL_NOT_ATTACHED',
  'CENTRAL_UNREACHABLE',
  'VIDEO_STATION_OFFLINE',
  'VIDEO_HASH_MISMATCH',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export interface StationError {
  code: ErrorCode;
  /** English sentence for logs and the CLI; the UI translates by code. */
  message: string;
  params?: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: StationError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, params?: ErrorParams): Result<T> {
  return { ok: false, error: params ? { code, message, params } : { code, message } };
}

/**
 * Thrown inside the core where unwinding is the clearest way out; the dispatcher turns it into
 * `{ ok: false, error }`. Anything else thrown is a bug and becomes INTERNAL.
 */
export class StationFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly params?: ErrorParams,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StationFailure';
  }

  toError(): StationError {
    return this.params ? { code: this.code, message: this.message, params: this.params } : { code: this.code, message: this.message };
  }
}
