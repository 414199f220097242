import type { CentralMigration } from './migration';
import { stations } from './0001-stations';
import { orderClaims } from './0002-order-claims';
import { journalReplication } from './0003-journal-replication';
import { centralOutbox } from './0004-central-outbox';
import { centralOrders } from './0005-central-orders';
import { outboxEventKey } from './0006-outbox-event-key';
import { sessionContributions } from './0007-session-contributions';
import { stationWords } from './0008-station-words';
import { clipRelay } from './0009-clip-relay';

export type { CentralMigration } from './migration';

/** Every migration of central's schema, oldest first. Append new ones at the end; the runner checks the numbering. */
export const CENTRAL_MIGRATIONS: readonly CentralMigration[] = [
  stations,
  orderClaims,
  journalReplication,
  centralOutbox,
  centralOrders,
  outboxEventKey,
  sessionContributions,
  stationWords,
  clipRelay,
];
