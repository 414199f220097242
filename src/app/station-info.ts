import { StationFailure } from '../contract/errors';
import type { StationInfo, UserSummary } from '../contract/schemas';
import type { User } from '../domain/user';
import type { StationRecord, Store } from './ports';

export function requireStation(store: Store, stationId: string): StationRecord {
  const station = store.stations.get(stationId);
  if (!station) throw new StationFailure('VALIDATION_FAILED', `Unknown station ${stationId}.`, { station: stationId });
  return station;
}

export function toStationInfo(station: StationRecord): StationInfo {
  return {
    id: station.id,
    name: station.name,
    language: station.language,
    idleLogoutMinutes: station.idleLogoutMinutes,
    badgeOnlyLogin: station.badgeOnlyLogin,
    kind: station.kind,
    timeZone: station.timeZone,
  };
}

export function toUserSummary(user: User): UserSummary {
  return { id: user.id, name: user.name, role: user.role, language: user.language };
}
