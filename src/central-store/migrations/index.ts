import type { CentralMigration } from './migration';
import { stations } from './0001-stations';
import { orderClaims } from './0002-order-claims';
import { journalReplication } from './0003-journal-replication';
import { centralOutbox } from './0004-central-outbox';
import { clipRelay } from './0007-clip-relay';

export type { CentralMigration } from './migration';

/** Every migration of central's schema, oldest first. Append new ones at the end; the runner checks the numbering. */
export const CENTRAL_MIGRATIONS: readonly CentralMigration[] = [stations, orderClaims, journalReplication, centralOutbox, clipRelay];
