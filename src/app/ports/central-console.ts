import type { Figures, OrderContribution, StationFit } from '../../domain/statistics';
import type { ParkedCentralEvent, Reached } from './central';
import type { CentralJournalPage, CentralJournalQuery, ReplicationAlarm } from './replication';

/** What central reads of every station's replicated journal for the manager's console (issue 13, point 5). */

export type CentralEntry = CentralJournalPage['entries'][number];

/** A station as central last heard of it: its newest entry and the people who did something there lately. */
export interface CentralFloorStation {
  /** The id central registered the station under. */
  stationId: string;
  name: string;
  lastEntry: { at: string; type: string; actorId: number | null; orderNumber: string | null } | null;
  /** Everyone with an entry there since the time asked for, newest first. */
  people: { userId: number; lastAt: string; type: string }[];
}

/** A return opened at a station and not closed there, from its `returns.opened` entry. */
export interface CentralReturnDue {
  stationId: string;
  returnNumber: string;
  orderNumber: string;
  /** The deadline's end as the station computed it when it opened the return. */
  endsAt: string;
}

export interface CentralConsole {
  /** An order's entries at every station, oldest first. */
  orderEntries(orderNumber: string, limit: number): Promise<CentralEntry[]>;
  /** Every registered station, with its newest entry and the people active there since `since`. */
  floor(since: string): Promise<CentralFloorStation[]>;
  /** Open returns whose deadline ends before `before`, soonest first. */
  returnsDue(before: string, limit: number): Promise<CentralReturnDue[]>;
  /** Every entry type, registered station and person (actor) in the stations' journals. */
  journalFilters(): Promise<CentralJournalFilters>;
}

/** Every packer's and station's figures at central for a period (central holds no order lines: those figures are zero). */
export interface CentralStatistics {
  from: string;
  to: string;
  /** The idle gap central counted with: the one asked for, or the default from a central older than the field (the link fills it in). */
  idleGapSeconds: number;
  packers: { packerId: number; figures: Figures; hourly: number[] }[];
  stations: { stationId: string; figures: Figures }[];
  total: Figures;
  scoreDistribution: number[];
  /** The fit central scored each station in the answer by (absent from a central older than the field). */
  fits?: StationFit[];
}

/** One packer's figures at central for a period, with the orders behind them (the newest `MAX_LISTED_ORDERS`, newest first). */
export interface CentralPackerStatistics {
  from: string;
  to: string;
  /** The idle gap central counted with (as CentralStatistics). */
  idleGapSeconds: number;
  figures: Figures;
  hourly: number[];
  scoreDistribution: number[];
  orders: OrderContribution[];
  ordersTotal: number;
  /** The fit central scored each station of the orders by (absent from a central older than the field). */
  fits?: StationFit[];
}

/** A trend's weeks at central: a packer's figures, or everyone's, in each week asked for. */
export interface CentralTrend {
  /** The idle gap central counted with (as CentralStatistics). */
  idleGapSeconds: number;
  weeks: { from: string; to: string; figures: Figures }[];
}

/** What the journal can be narrowed by at central: the entry types, stations and people of every station's entries. */
export interface CentralJournalFilters {
  types: string[];
  stations: { id: string; name: string }[];
  actorIds: number[];
}

export interface CentralFloor {
  stations: CentralFloorStation[];
  returnsDue: CentralReturnDue[];
}

/** The station's signed reads of central's console (src/central-link/console-link.ts); each may find central unreachable. */
export interface CentralConsoleLink {
  search(query: CentralJournalQuery): Promise<Reached<CentralJournalPage>>;
  /** `idleGapSeconds` left out: the default gap (as for the next two). */
  statistics(period: { from: string; to: string; idleGapSeconds?: number }): Promise<Reached<CentralStatistics>>;
  packerStatistics(query: { from: string; to: string; packerId: number; idleGapSeconds?: number }): Promise<Reached<CentralPackerStatistics>>;
  trend(query: { packerId: number | null; weeks: { from: string; to: string }[]; idleGapSeconds?: number }): Promise<Reached<CentralTrend>>;
  journalFilters(): Promise<Reached<CentralJournalFilters>>;
  orderEntries(orderNumber: string): Promise<Reached<CentralEntry[]>>;
  floor(since: string, returnsDueBefore: string): Promise<Reached<CentralFloor>>;
  alarms(): Promise<Reached<ReplicationAlarm[]>>;
  parked(): Promise<Reached<{ events: ParkedCentralEvent[]; counts: { queued: number; parked: number; sent: number } }>>;
  requeue(centralId: number, userId: number | null): Promise<Reached<boolean>>;
}
