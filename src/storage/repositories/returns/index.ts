import type { Database } from 'better-sqlite3';
import type { ReturnsRepository } from '../../../app/ports/returns';
import { createReturnItems } from './items';
import { createReturnLookups } from './lookups';
import { createNotOurParcels } from './not-ours';
import { createReturnPhotos } from './photos';
import { createReturnRecords } from './returns-table';
import { createReturnSettings } from './settings';

/** The returns desk's tables: returns, their items and photos, parcels that are not ours, rules, reason codes, and what identifies a parcel; one file a table. */
export function createReturnsRepository(db: Database): ReturnsRepository {
  return {
    ...createReturnSettings(db),
    ...createReturnRecords(db),
    ...createReturnItems(db),
    ...createNotOurParcels(db),
    ...createReturnPhotos(db),
    ...createReturnLookups(db),
  };
}
