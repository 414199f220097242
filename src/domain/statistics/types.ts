/**
 * What the statistics are made of: journal entries of packing sessions, the order's lines, and
 * what the returns desk attributed to a packing session. Pure data; the storage adapter reads it.
 */

/** One journal entry as the statistics read it (a packing session's 'pack.*' entries). */
export interface StatsEntry {
  seq: number;
  /** UTC, ISO 8601. */
  at: string;
  stationId: string;
  actorId: number | null;
  type: string;
  payload: Record<string, unknown>;
}

/** An order line with what the catalogue says of its product. */
export interface StatsLine extends CompletedLine {
  productId: number;
}

/**
 * An order line as a 'pack.completed' entry carries it (payload.lines, see completed-lines.ts):
 * what the statistics read of the line, from the station's catalogue when the order was packed,
 * so central counts the session as the station does without the station's catalogue.
 */
export interface CompletedLine {
  sku: string;
  quantity: number;
  /** A kit: its parts are packed (and counted) as a kit. */
  kit: boolean;
  /** Weight of one unit. */
  unitGrams: number;
  /** Marked fragile in the catalogue (false where the catalogue has no such mark). */
  fragile: boolean;
}

/**
 * One completed packing session: the order's 'pack.*' entries from its opening (after the
 * order's previous completion, if it was packed before) to its completion, in journal order.
 */
export interface CompletedSession {
  /** The packing session's id where the journal names it (payload.sessionId), else null. */
  sessionId: number | null;
  orderId: number;
  orderNumber: string;
  /** The station where it was completed. */
  stationId: string;
  completedAt: string;
  entries: StatsEntry[];
  lines: StatsLine[];
}

/**
 * A return line that the returns desk attributed to a packing session and its packer as a packing
 * error (wrong item, missing item, damaged by poor packing). Written by the returns desk; read
 * through the PackingErrorAttributions port.
 */
export interface PackingErrorAttribution {
  /** The packing session, where known; null matches the order's session in the period. */
  sessionId: number | null;
  packerId: number;
  orderId: number;
  /** When it was attributed (UTC, ISO 8601). */
  at: string;
  /** 'return' or 'complaint'; a return when not said. */
  kind?: 'return' | 'complaint';
}
