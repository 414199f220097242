import type { Database } from 'better-sqlite3';
import type { OutboxRepository, SyncOrderLinks, SyncSettingsRepository } from '../../app/ports/backend';
import { guardRepository } from '../failures';
import { createOutboxRepository } from './outbox';
import { createSyncOrderLinks } from './sync-links';
import { createSyncSettings } from './sync-state';

/** The sync tables behind their ports, with disk-full and corruption turned into station errors. */
export function createSyncStorage(db: Database): { outbox: OutboxRepository; links: SyncOrderLinks; settings: SyncSettingsRepository } {
  return {
    outbox: guardRepository(createOutboxRepository(db), db.name),
    links: guardRepository(createSyncOrderLinks(db), db.name),
    settings: guardRepository(createSyncSettings(db), db.name),
  };
}
