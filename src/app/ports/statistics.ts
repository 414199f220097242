import type { CompletedSession, PackingErrorAttribution, SessionFacts } from '../../domain/statistics';

export interface CompletedSessionsQuery {
  /** UTC instants, ISO 8601: sessions completed at or after `from` and before `to`. */
  from: string;
  to: string;
  /** Only sessions this packer had a part in (opened or resumed the order). */
  packerId?: number;
  /** Only sessions completed at this station. */
  stationId?: string;
  /** The newest this many (the fit's window); all when absent. */
  limit?: number;
}

/** Packing sessions as the journal and the order data tell them (src/storage/repositories/statistics/). */
export interface StatisticsSource {
  completedSessions(query: CompletedSessionsQuery): CompletedSession[];
  /**
   * The same sessions analysed (analyseSession) with this idle gap. With the default gap they
   * are kept once counted: a completed session's entries never change, so each is read from the
   * journal once; the session's entries and lines are not kept (empty in what this returns).
   */
  completedFacts(query: CompletedSessionsQuery & { idleGapSeconds: number }): SessionFacts[];
  /**
   * Counts and keeps up to this many journal entries' worth of sessions not yet counted (what
   * completedFacts would count first); true while more remain. Long-running hosts call it in the
   * background at start, so a journal never counted (or counted by older rules) is counted before
   * a manager's first query has to wait for it.
   */
  countAhead(journalEntries: number): boolean;
}

/**
 * Return lines the returns desk attributed to a packing session and its packer as packing errors.
 * The storage adapter reads the returns desk's confirmed items (return_items with a packer) and
 * journal entries of type 'returns.packing_error_attributed' (payload: sessionId, packerId,
 * orderId, at, kind), for tools that attribute without the returns desk.
 */
export interface PackingErrorAttributions {
  forOrders(orderIds: readonly number[]): PackingErrorAttribution[];
}

/** A table for payroll: a header row and rows of cells. */
export interface StatisticsSheet {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** Writes statistics as files (src/documents/statistics): CSV of one sheet, XLSX of several. */
export interface StatisticsSheets {
  csv(sheet: StatisticsSheet): string;
  xlsx(sheets: StatisticsSheet[]): Promise<Uint8Array>;
}

export interface StatisticsPorts {
  source: StatisticsSource;
  attributions: PackingErrorAttributions;
  sheets: StatisticsSheets;
}
