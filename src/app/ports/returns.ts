import type { PackingState } from '../../domain/packing';
import type { Deadline } from '../../domain/returns/calendar';
import type { DeadlineKind } from '../../domain/returns/deadlines';
import type { Refusal, ReturnWindow, Warning } from '../../domain/returns/eligibility';
import type { ReturnRules } from '../../domain/returns/rules';
import type { ComplaintOutcome, Condition, Disposition, LocalDate, ReasonCode, ReturnStatus, ReturnType } from '../../domain/returns/types';

/** The eligibility of a return as last checked, kept with it. */
export interface StoredEligibility {
  eligible: boolean;
  refusals: Refusal[];
  warnings: Warning[];
  window: ReturnWindow | null;
}

export interface ReturnRecord {
  id: number;
  number: string;
  orderId: number;
  type: ReturnType;
  status: ReturnStatus;
  stationId: string;
  handlerId: number;
  identifiedBy: string | null;
  receivedAt: string;
  receivedOn: LocalDate;
  declaredOn: LocalDate | null;
  deliveredOn: LocalDate | null;
  timeZone: string;
  deadline: Deadline & { kind: Exclude<DeadlineKind, 'hold'> };
  eligibility: StoredEligibility;
  override: { by: number; reason: string } | null;
  refund: { amountMinor: number; currency: string } | null;
  outcome: ComplaintOutcome | null;
  decisionReason: string | null;
  decidedAt: string | null;
  decidedBy: number | null;
  closedAt: string | null;
  closedBy: number | null;
  note: string | null;
}

export type NewReturn = Pick<
  ReturnRecord,
  | 'orderId'
  | 'type'
  | 'stationId'
  | 'handlerId'
  | 'identifiedBy'
  | 'receivedAt'
  | 'receivedOn'
  | 'declaredOn'
  | 'deliveredOn'
  | 'timeZone'
  | 'deadline'
  | 'eligibility'
  | 'note'
>;

export interface ReturnItemRecord {
  id: number;
  returnId: number;
  /** Null for an item we did not ship on this order. */
  lineId: number | null;
  productId: number | null;
  sku: string | null;
  name: string | null;
  scannedCode: string | null;
  serial: string | null;
  quantity: number;
  condition: Condition | null;
  disposition: Disposition | null;
  reasonCode: string | null;
  note: string | null;
  packingErrorConfirmed: boolean;
  packingSessionId: number | null;
  packerId: number | null;
  attributedAt: string | null;
  gradedBy: number | null;
}

export type NewReturnItem = Pick<
  ReturnItemRecord,
  'returnId' | 'lineId' | 'productId' | 'sku' | 'name' | 'scannedCode' | 'serial' | 'quantity' | 'condition' | 'disposition' | 'gradedBy'
>;

export type ItemGrade = Partial<Pick<ReturnItemRecord, 'condition' | 'disposition' | 'reasonCode' | 'note' | 'packingErrorConfirmed'>> & { gradedBy: number };

export type NotOursStatus = 'held' | 'linked' | 'sent_back' | 'disposed';

export interface NotOurParcelRecord {
  id: number;
  number: string;
  status: NotOursStatus;
  stationId: string;
  handlerId: number;
  sender: { name: string; address: string | null; email: string | null; phone: string | null };
  carrier: string | null;
  tracking: string | null;
  scanned: string | null;
  note: string | null;
  receivedAt: string;
  receivedOn: LocalDate;
  hold: Deadline;
  linkedOrderId: number | null;
  linkedReturnId: number | null;
  resolvedAt: string | null;
  resolvedBy: number | null;
  resolutionNote: string | null;
}

export type NewNotOurParcel = Pick<
  NotOurParcelRecord,
  'stationId' | 'handlerId' | 'sender' | 'carrier' | 'tracking' | 'scanned' | 'note' | 'receivedAt' | 'receivedOn' | 'hold'
>;

export interface ReturnPhotoRecord {
  id: number;
  returnId: number | null;
  notOursId: number | null;
  itemId: number | null;
  /** Relative to the data folder. */
  path: string;
  mimeType: 'image/jpeg' | 'image/png';
  bytes: number;
  sha256: string;
  stationId: string;
  takenBy: number;
  takenAt: string;
}

/** A completed packing session of an order: what left, when, from where and by whom. */
export interface ShipmentRecord {
  sessionId: number;
  stationId: string;
  packerId: number;
  completedAt: string;
  state: PackingState;
}

/** A packing error found at the returns desk and attributed to a packer (for the packer's statistics). */
export interface PackingErrorRecord {
  itemId: number;
  returnNumber: string;
  orderNumber: string;
  /** Null for an order shipped before this station kept packing sessions (its packer from the journal). */
  packingSessionId: number | null;
  packerId: number;
  reasonCode: string;
  attributedAt: string;
}

/** Orders by what was found on a parcel, as order ids; each list is short and comes from an index. */
export interface ReturnLookups {
  byReturnLabel(tracking: string): number[];
  /** Our labels' tracking numbers and SSCCs (order references) and the manifests' tracking numbers. */
  byTracking(code: string): number[];
  bySerial(serial: string): number[];
  /** The order's parcels' tracking numbers: the carriers' and our labels' SSCCs, oldest first (not the GS1-128 forms). */
  trackingOf(orderId: number): string[];
  /** Orders whose customer's name words (or e-mail) start with each of the words, newest first. */
  byCustomer(words: string[], limit: number): number[];
  byEmail(email: string, limit: number): number[];
}

export interface ReturnsRepository {
  rules(): ReturnRules;
  saveRules(rules: ReturnRules): void;
  reasonCodes(): ReasonCode[];
  saveReasonCodes(codes: ReasonCode[]): void;

  /** Numbers it R-<year>-<six digits> from its id. */
  create(record: NewReturn): ReturnRecord;
  byId(id: number): ReturnRecord | null;
  byNumber(number: string): ReturnRecord | null;
  forOrder(orderId: number): ReturnRecord[];
  /** Returns not closed, soonest deadline first; `dueBefore` keeps those whose deadline ends by then (overdue). */
  listOpen(query: { limit: number; dueBefore?: string }): ReturnRecord[];
  /** Every return, newest first. */
  listAll(query: { limit: number }): ReturnRecord[];
  setEligibility(id: number, eligibility: StoredEligibility, at: string): void;
  setOverride(id: number, override: { by: number; reason: string }, at: string): void;
  decide(id: number, decision: { refund: ReturnRecord['refund']; outcome: ComplaintOutcome | null; reason: string | null; by: number; at: string }): void;
  close(id: number, by: number, at: string): void;

  items(returnId: number): ReturnItemRecord[];
  item(id: number): ReturnItemRecord | null;
  addItem(item: NewReturnItem, at: string): ReturnItemRecord;
  gradeItem(id: number, grade: ItemGrade, at: string): ReturnItemRecord;
  removeItem(id: number): void;
  attribute(id: number, attribution: { sessionId: number | null; packerId: number; at: string }): void;
  /** Units and serials of an order's lines on its returns other than `exceptReturnId`. */
  returnedBefore(orderId: number, exceptReturnId: number | null): { lineId: number; quantity: number; serial: string | null }[];
  packingErrors(query: { packerId?: number; from?: string; to?: string }): PackingErrorRecord[];

  createNotOurs(parcel: NewNotOurParcel): NotOurParcelRecord;
  notOursByNumber(number: string): NotOurParcelRecord | null;
  notOursById(id: number): NotOurParcelRecord | null;
  notOursByTracking(tracking: string): NotOurParcelRecord[];
  listHeld(query: { limit: number }): NotOurParcelRecord[];
  resolveNotOurs(
    id: number,
    resolution: { status: Exclude<NotOursStatus, 'held'>; orderId: number | null; returnId: number | null; by: number; at: string; note: string | null },
  ): void;

  addPhoto(photo: Omit<ReturnPhotoRecord, 'id'>): ReturnPhotoRecord;
  photos(of: { returnId: number } | { notOursId: number }): ReturnPhotoRecord[];
  photo(id: number): ReturnPhotoRecord | null;

  shipments(orderId: number): ShipmentRecord[];
  linkReturnLabel(tracking: string, orderId: number, carrier: string | null, at: string): void;
  lookups: ReturnLookups;
}

/** The photo files of the returns desk, in the data folder (like the video clips). */
export interface PhotoFiles {
  /** Writes and flushes a photo; returns its path relative to the data folder and its sha256. */
  write(name: string, bytes: Uint8Array): { path: string; sha256: string };
  read(relativePath: string): Uint8Array | null;
  locate(relativePath: string): string | null;
}
