import type { Database } from 'better-sqlite3';

/**
 * One step of the schema. Files are numbered NNNN-name.ts and append-only: once shipped, a
 * migration is never edited; a change is a new migration. `up` runs inside a transaction, so it
 * cannot switch PRAGMA foreign_keys (rebuild tables with the documented 12-step procedure).
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
