import { StationFailure } from '../../contract/errors';
import type { HandlerSlice } from '../handlers';
import { refuseSecretInClear, secretEndpoint } from './endpoint';
import { toStationFailure, type SyncDeps, type SyncEngine } from './engine';

type SyncMethod = 'sync.status' | 'sync.settings.get' | 'sync.settings.set' | 'sync.test' | 'sync.now' | 'sync.parked.retry' | 'sync.parked.dismiss';

/** The settings screen's calls. The secret is sealed on the way in and never sent back out. */
export function syncHandlers(core: SyncDeps, engine: SyncEngine): HandlerSlice<SyncMethod> {
  const { sync, secrets, journal, clock, logger } = core;
  const record = (type: string, actorId: number | null, stationId: string, payload: Record<string, unknown>) =>
    journal.append({ type, stationId, actorId, subject: { kind: 'sync', id: 'outbox' }, payload });
  const decide = (eventId: number, decision: 'requeue' | 'dismiss', userId: number | null, stationId: string) => {
    const at = clock.now().toISOString();
    core.store.transaction(() => {
      const done = decision === 'requeue' ? sync.outbox.requeue(eventId, at) : sync.outbox.dismiss(eventId, at);
      if (!done) throw new StationFailure('SYNC_EVENT_NOT_PARKED', `Outbox event ${eventId} is not parked.`, { eventId });
      record(decision === 'requeue' ? 'sync.retried' : 'sync.dismissed', userId, stationId, { event: eventId });
    });
    core.events.emit('sync.changed', {});
    return engine.status();
  };

  return {
    'sync.status': () => engine.status(),
    'sync.settings.get': () => sync.settings.settings(),
    'sync.settings.set': ({ settings, secret }, call) => {
      // A secret belongs to the address it was given for: a new address or shop system without a
      // new secret drops it, so it is never sent where the manager did not send it.
      const endpoint = secretEndpoint(settings);
      const stored = sync.settings.sealedSecret() !== null;
      const moved = secretEndpoint(sync.settings.settings()) !== endpoint;
      const secretDropped = secret === undefined && stored && moved;
      const keepsSecret = secret === undefined ? stored && !moved : secret !== null;
      if (keepsSecret) refuseSecretInClear(settings);
      // Building the backend refuses what the station does not allow (files outside its folders) before anything is saved.
      sync.backendFor?.(settings, null);
      const secretChanged = secret !== undefined;
      core.store.transaction(() => {
        sync.settings.saveSettings(settings);
        if (secretChanged) sync.settings.saveSealedSecret(secret === null ? null : secrets.sealer.seal(new TextEncoder().encode(secret)), endpoint);
        if (secretDropped) sync.settings.saveSealedSecret(null, null);
        // The journal learns that the secret changed or was dropped, never what it is.
        record('sync.settings', call.user?.id ?? null, call.stationId, { kind: settings.kind, secretChanged, secretDropped });
      });
      logger.info('sync settings changed', { kind: settings.kind, by: call.user?.id, secretChanged, secretDropped });
      core.events.emit('sync.changed', {});
      return { ...engine.status(), secretDropped };
    },
    'sync.test': () => engine.testConnection(),
    'sync.now': async () => {
      const run = await engine.runOnce();
      core.events.emit('sync.changed', {});
      if (run.pulledOrders > 0 || run.changedOrders > 0) core.events.emit('queue.changed', { stationId: null });
      // A run refused before it began is an error to the caller: no backend, or one the station will not use (engine.backend() throws why).
      if (run.error?.kind === 'refused' && run.pulledOrders === 0 && run.pushed === 0 && !engine.backend())
        throw toStationFailure(new StationFailure('SYNC_NOT_CONFIGURED', run.error.message));
      return run;
    },
    'sync.parked.retry': ({ eventId }, call) => decide(eventId, 'requeue', call.user?.id ?? null, call.stationId),
    'sync.parked.dismiss': ({ eventId }, call) => decide(eventId, 'dismiss', call.user?.id ?? null, call.stationId),
  };
}
