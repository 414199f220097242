import type { Migration } from './migration';

/**
 * Numbers 13 to 15 belong to migrations on other branches (the shop outbox's returned events, the
 * station kind and the returns desk). Until they land beside 0016, these empty steps hold their
 * places so the runner's numbering holds; whoever merges replaces each with the real one. A
 * database migrated through a stand-in is a developer's, never a station's: nothing ships them.
 */
function reserved(version: number, name: string): Migration {
  return { version, name: `reserved-${name}`, up: () => undefined };
}

export const RESERVED: readonly Migration[] = [reserved(13, 'outbox-returns'), reserved(14, 'station-kind'), reserved(15, 'returns')];
