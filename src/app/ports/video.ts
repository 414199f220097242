import type { VideoSettings } from '../../contract/video';
import type { PackingState } from '../../domain/packing';
import type { JournalSearch } from './journal';
import type { Language } from '../../domain/user';

export interface VideoSegmentRecord {
  id: number;
  /** The owner: a packing session, or a return at the returns desk (exactly one is set). */
  sessionId: number | null;
  returnNumber: string | null;
  orderNumber: string;
  stationId: string;
  userId: number | null;
  kind: 'webcam' | 'nvr';
  status: 'recording' | 'closed' | 'deleted';
  /** Relative to the data folder, '/'-separated; null for NVR references. */
  path: string | null;
  mimeType: string | null;
  startedAt: string;
  endedAt: string | null;
  /** When the newest chunk arrived: the end of a segment a crash left open. */
  lastChunkAt: string | null;
  bytes: number;
  chunks: number;
  /** Video time in the stored chunks: the segment's end is its start plus this. */
  mediaMs: number;
  sha256: string | null;
  cameraId: string | null;
  playbackUrl: string | null;
}

export type NewVideoSegment = Pick<
  VideoSegmentRecord,
  'sessionId' | 'returnNumber' | 'orderNumber' | 'stationId' | 'userId' | 'kind' | 'path' | 'mimeType' | 'startedAt' | 'cameraId'
>;

/** Segments and per-station video settings in the database. */
export interface VideoRepository {
  create(segment: NewVideoSegment): VideoSegmentRecord;
  byId(id: number): VideoSegmentRecord | null;
  /** Recording segments of a station: at most one is live, others were left by a crash. */
  recordingAt(stationId: string): VideoSegmentRecord[];
  recordingOlderThan(lastChunkBefore: string): VideoSegmentRecord[];
  forOrder(orderNumber: string): VideoSegmentRecord[];
  forSession(sessionId: number): VideoSegmentRecord[];
  forReturn(returnNumber: string): VideoSegmentRecord[];
  /** Records a stored chunk; the first one also moves the start to when recording really began. */
  chunkStored(id: number, fields: { bytes: number; chunks: number; mediaMs: number; at: string; startedAt?: string }): void;
  close(id: number, fields: { endedAt: string; bytes: number; sha256: string | null; playbackUrl: string | null }): void;
  markDeleted(id: number): void;
  /** Closed webcam clips still on disk, oldest first. */
  closedClips(): VideoSegmentRecord[];
  /** Bytes of video on disk: closed clips, and recordings still being written. */
  storedBytes(): { clips: number; recording: number };
  settings(stationId: string): VideoSettings | null;
  saveSettings(stationId: string, settings: VideoSettings): void;
}

/** The clip files: appended and flushed chunk by chunk, hashed when closed. */
export interface VideoFiles {
  /** Appends and fsyncs; returns the file's new size. Creates the file (and folders) on first use. */
  append(relativePath: string, bytes: Uint8Array): number;
  size(relativePath: string): number;
  sha256(relativePath: string): string | null;
  remove(relativePath: string): void;
  /** The absolute path of a clip, for a host that streams it; null when it is not on disk. */
  locate(relativePath: string): string | null;
}

/** QR modules of a text as rows of '1'/'0' (the core cannot draw; a barcode encoder can). */
export type QrEncoder = (text: string) => string[];

export interface VideoPorts {
  segments: VideoRepository;
  files: VideoFiles;
  qr: QrEncoder;
}

/** One check of the chain from an entry to the newest signed checkpoint, made by the journal adapter. */
export interface ChainCheck {
  intact: boolean;
  fromSeq: number;
  toSeq: number;
  checkpointSeq: number | null;
  checkpointAt: string | null;
  message: string;
}

/** Order lookups for the review screen that the order store does not answer. */
export interface ReviewLookups {
  ordersByTracking(tracking: string): string[];
  ordersBySerial(serial: string): string[];
  /** What the order's packing session holds: its completed one (the newest), else the one still open; null when never packed. */
  packedState(
    orderNumber: string,
  ): { state: PackingState; status: 'open' | 'completed'; stationId: string; userId: number; openedAt: string; completedAt: string | null } | null;
}

/** A check of the whole journal, as the manager's screen runs it. */
export interface JournalCheck {
  intact: boolean;
  entries: number;
  lastSeq: number;
  /** The first problems, oldest first. */
  problems: { seq: number; kind: string; message: string }[];
  checkpointSeq: number | null;
  checkpointAt: string | null;
}

export interface ReviewPorts {
  lookups: ReviewLookups;
  verifyFrom(fromSeq: number): ChainCheck;
  /** The journal searched by person, station, type, order, time and words. */
  search: JournalSearch;
  /** Checks the whole journal (on threads where the host has them), telling how far it got as it goes. */
  verifyJournal(onProgress: (checked: number, total: number) => void): Promise<JournalCheck>;
  /** Builds an order's evidence package in the data folder's evidence/ folder; the composition layer does it. */
  exportEvidence(orderNumber: string, language: Language): Promise<{ file: string; bytes: number; sha256: string }>;
  /** The absolute path of an exported package by its file name; null for anything else. */
  evidenceFile(name: string): string | null;
}
