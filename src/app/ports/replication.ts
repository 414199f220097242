import type { ComplexityFit, ContributionSums, SessionFacts, StationFit } from '../../domain/statistics';

/** A period at central: its sums by packer and station, and its charts (src/central-store/contributions.ts). */
export interface PeriodNumbers {
  sums: ContributionSums[];
  /** Each packer's orders (their shares) per hour of the period, or of the day for a longer one. */
  hourly: Map<number, number[]>;
  /** Orders per score bin, once per order. */
  scoreBins: number[];
}
import type { JournalCheckpoint, JournalEntry, JournalRow } from './journal';

/** Ports of journal replication, station → central (issue 13, point 4), and of central's journal. */

/** What a station ships in one request: entries in seq order, the checkpoints among them, and its journal key. */
export interface ReplicationBatch {
  /** The station's journal public key (SPKI DER, base64): central pins it at first contact. */
  journalKey: string;
  /** Consecutive entries exactly as the station stores them (the payload as the canonical text it hashed). */
  entries: JournalRow[];
  /** The station's checkpoints whose seq lies within the entries sent (or before, not yet sent). */
  checkpoints: JournalCheckpoint[];
}

/** Why central refused part of a batch; each is an alarm on the manager's screen. */
export type ReplicationFault = 'gap' | 'fork' | 'rewritten' | 'broken-chain' | 'forged-checkpoint' | 'foreign-key' | 'malformed';

export interface ReplicationRefusal {
  seq: number;
  fault: ReplicationFault;
  message: string;
}

/** Central's answer to a batch: how far its copy reaches now, and what it refused (the rest of the batch). */
export interface ReplicationReceipt {
  /** Entries of the batch stored now (a re-sent identical entry is not counted: it was there). */
  stored: number;
  /** The highest seq central holds for this station. */
  headSeq: number;
  refused: ReplicationRefusal | null;
}

export type Reachable<T> = { reached: true; value: T } | { reached: false; why: string };

/** The station's way to central for its journal (src/central-link: signed HTTP). */
export interface JournalReplicationLink {
  /** The highest seq central holds for this station (0 when none). */
  head(): Promise<Reachable<{ seq: number }>>;
  send(batch: ReplicationBatch): Promise<Reachable<ReplicationReceipt>>;
}

/** What the replication worker reads of the station's own journal: its rows, raw. */
export interface ReplicationSource {
  fromSeq(fromSeq: number, limit: number): JournalRow[];
  checkpoints(): JournalCheckpoint[];
  lastSeq(): number;
}

/* ---------- central's side ---------- */

/** A station's journal as central holds it when a batch arrives, for the verification to judge. */
export interface StoredJournalState {
  /** The newest entry central holds, or null. */
  head: { seq: number; hash: string } | null;
  /** The station's pinned journal key, or null before first contact. */
  pinnedKey: string | null;
  /** Central's copies of the batch's entries it already holds (a re-send), by seq. */
  existing: Map<number, JournalRow>;
  /** Central's entry hash at each checkpoint's seq it holds, and the checkpoints it holds already. */
  hashAt: Map<number, string>;
  checkpoints: Map<number, JournalCheckpoint>;
}

/** The verification's verdict on a batch: what to store, and the first thing refused. */
export interface BatchVerdict {
  pinKey: string | null;
  entries: JournalRow[];
  checkpoints: JournalCheckpoint[];
  refused: ReplicationRefusal | null;
}

export interface ReplicationAlarm {
  id: number;
  stationId: string;
  seq: number;
  fault: ReplicationFault;
  message: string;
  firstAt: string;
  lastAt: string;
  times: number;
}

export interface CentralJournalQuery {
  stationId?: string;
  actorId?: number;
  types?: readonly string[];
  subject?: { kind: string; id: string };
  from?: string;
  to?: string;
  text?: string;
  limit: number;
  offset: number;
}

export interface CentralJournalPage {
  /** Newest first, across stations. */
  entries: (JournalEntry & { centralStationId: string; centralStationName?: string })[];
  total: number;
  totalIsAtLeast: boolean;
}

/** Central's copy of every station's journal (src/central-store/journal.ts). */
export interface CentralJournals {
  /** Judges and stores a batch in one transaction, the station's journal locked meanwhile. */
  ingest(stationId: string, batch: ReplicationBatch, judge: (state: StoredJournalState) => BatchVerdict, now: Date): Promise<ReplicationReceipt>;
  headSeq(stationId: string): Promise<number>;
  /** Entries of one station in seq order, as stored (for checks and tests). */
  entries(stationId: string, fromSeq: number, limit: number): Promise<JournalRow[]>;
  alarms(limit: number): Promise<ReplicationAlarm[]>;
  search(query: CentralJournalQuery): Promise<CentralJournalPage>;
  /**
   * The numbers of the packing sessions completed in [from, to) at every station (counted by the
   * station's rules when each completion arrived), summed by packer and station, with the
   * period's two charts from the same rows (expected time by each station's fit, `fallback` where it has none).
   */
  periodNumbers(from: string, to: string, fits: ReadonlyMap<string, ComplexityFit>, fallback: ComplexityFit): Promise<PeriodNumbers>;
  /** The fit in use at each station that refitted (its newest `stats.fitted` entry), by its own id. */
  stationFits(): Promise<Map<string, StationFit>>;
  /** The sums alone of the sessions completed in [from, to), by packer and station (a trend's week). */
  periodSums(from: string, to: string): Promise<ContributionSums[]>;
  /** The facts of the sessions completed in [from, to) that a packer had a part in, oldest first. */
  packerFacts(from: string, to: string, packerId: number): Promise<SessionFacts[]>;
  /**
   * The facts of the same sessions (those a packer had a part in, when one is named) analysed with
   * another idle gap, read from the stations' journals (src/central-store/gap-sessions.ts), oldest first.
   */
  gapFacts(query: { from: string; to: string; packerId?: number; idleGapSeconds: number }): Promise<SessionFacts[]>;
}
