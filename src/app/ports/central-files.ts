/**
 * Ports of the files that move between stations and central (issue 13): a clip a manager at one
 * station plays from the station that recorded it, and a label the shop bought for a shipment
 * central pushed, handed back to the station that packed the order. Stations open no port for
 * this: they long-poll central for what it wants and upload it, signed.
 */
import type { Reached } from './central';

/* ---------- central's side (central-store on PostgreSQL) ---------- */

/** A closed clip as central knows it from the station's replicated `video.segment` entry. */
export interface CentralClipIndex {
  stationId: string;
  segmentId: number;
  /** The journal entry it came from. */
  seq: number;
  orderNumber: string | null;
  kind: string;
  bytes: number | null;
  sha256: string | null;
}

export type ClipRequestState = 'wanted' | 'held' | 'refused' | 'missing';

export interface CentralClips {
  /** The newest `video.segment` entry of that segment, or null when central holds none. */
  segment(stationId: string, segmentId: number): Promise<CentralClipIndex | null>;
  /** Asks the station for the clip (central's storage lacks it): the request becomes `wanted`. */
  ask(stationId: string, segmentId: number, now: Date): Promise<ClipRequestState>;
  state(stationId: string, segmentId: number): Promise<{ state: ClipRequestState; detail: string | null } | null>;
  /** The segments central wants from the station now. */
  wanted(stationId: string): Promise<number[]>;
  answer(stationId: string, segmentId: number, state: Exclude<ClipRequestState, 'wanted'>, detail: string | null, now: Date): Promise<void>;
  /** The station long-polled now; lastPoll says when it last did (null: never). */
  polled(stationId: string, now: Date): Promise<void>;
  lastPoll(stationId: string): Promise<Date | null>;
}

export interface WaitingLabel {
  id: number;
  orderNumber: string;
  trackingNumber: string;
  format: 'pdf' | 'zpl' | 'epl';
  bytes: Uint8Array;
}

/** Labels the shop bought for shipments central pushed, waiting for the station that packed each order. */
export interface CentralLabels {
  add(stationId: string, orderNumber: string, label: Pick<WaitingLabel, 'trackingNumber' | 'format' | 'bytes'>, now: Date): Promise<number>;
  waiting(stationId: string, limit: number): Promise<WaitingLabel[]>;
  /** The station printed these: they are not handed out again. */
  taken(stationId: string, ids: readonly number[], now: Date): Promise<void>;
  /** The station whose forwarded shipment of `orderNumber` central delivered, or null. */
  packedAt(orderNumber: string): Promise<string | null>;
}

/* ---------- the station's side (central-link, signed HTTP) ---------- */

/** What the station's long poll brought: clips central wants from it, and whether labels wait for it. */
export interface CentralWants {
  segments: number[];
  labels: number;
}

/** A clip's bytes as central answered them to the asking station (200 whole, 206 a range). */
export interface RemoteClipStream {
  status: 200 | 206;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array>;
}

/** Why a clip could not be played from central; the station turns each into a StationFailure. */
export type RemoteClipRefusal = {
  code: 'VIDEO_STATION_OFFLINE' | 'VIDEO_HASH_MISMATCH' | 'VIDEO_SEGMENT_NOT_FOUND' | 'CENTRAL_UNREACHABLE';
  message: string;
  params: Record<string, string | number>;
};

export interface CentralFilesLink {
  /** Central's index entry of another station's clip (to apply the asker's access rules first). */
  clipInfo(stationId: string, segmentId: number): Promise<Reached<CentralClipIndex | null>>;
  /** The clip, whole or the asked byte range; central fetches it from its station when it does not hold it. */
  clip(stationId: string, segmentId: number, range: string | null): Promise<{ ok: true; clip: RemoteClipStream } | { ok: false; refusal: RemoteClipRefusal }>;
  /** Long-polls central (up to `waitMs`) for what it wants from this station. */
  wants(waitMs: number): Promise<Reached<CentralWants>>;
  /** Uploads a closed clip (absolute path, its SHA-256); central answers whether it took it. */
  deliverClip(segmentId: number, file: string, sha256: string): Promise<Reached<{ accepted: true } | { accepted: false; reason: string }>>;
  /** Tells central the station cannot send that clip (deleted by retention, never written). */
  clipMissing(segmentId: number, reason: string): Promise<Reached<null>>;
  labels(): Promise<Reached<WaitingLabel[]>>;
  labelsTaken(ids: readonly number[]): Promise<Reached<null>>;
}
