import { StationFailure } from '../contract/errors';
import { isTimeZone } from '../domain/returns/calendar';
import type { CommonPorts } from './context';
import type { HandlerSlice } from './handlers';
import { requireStation, toStationInfo, toUserSummary } from './station-info';

export function settingsHandlers(
  core: Pick<CommonPorts, 'store' | 'logger' | 'journal'> & { version: string },
): HandlerSlice<'station.info' | 'settings.update' | 'user.language' | 'admin.backup'> {
  const { store } = core;
  return {
    'station.info': (_input, call) => ({ station: toStationInfo(requireStation(store, call.stationId)), version: core.version }),
    'settings.update': (changes, call) => {
      const station = requireStation(store, call.stationId);
      if (changes.timeZone !== undefined && !isTimeZone(changes.timeZone)) {
        throw new StationFailure('VALIDATION_FAILED', `${changes.timeZone} is not a time zone (use an IANA name such as Europe/Warsaw).`, {
          timeZone: changes.timeZone,
        });
      }
      const updated = {
        ...station,
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.language !== undefined ? { language: changes.language } : {}),
        ...(changes.idleLogoutMinutes !== undefined ? { idleLogoutMinutes: changes.idleLogoutMinutes } : {}),
        ...(changes.badgeOnlyLogin !== undefined ? { badgeOnlyLogin: changes.badgeOnlyLogin } : {}),
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(changes.timeZone !== undefined ? { timeZone: changes.timeZone } : {}),
      };
      store.transaction(() => {
        store.stations.upsert(updated);
        core.journal.append({
          type: 'settings.station',
          stationId: station.id,
          actorId: call.user?.id ?? null,
          subject: { kind: 'station', id: station.id },
          payload: { station: station.id, ...changes },
        });
      });
      core.logger.info('station settings changed', { stationId: station.id, by: call.user?.id, changes });
      return toStationInfo(updated);
    },
    'user.language': ({ language }, call) => {
      const user = call.user;
      if (!user) throw new StationFailure('NOT_LOGGED_IN', 'Log in first.');
      store.users.setLanguage(user.id, language);
      return toUserSummary({ ...user, language });
    },
    'admin.backup': () => store.backupNow(),
  };
}
