import { StationFailure } from '../../contract/errors';
import type { Core } from '../context';
import type { HandlerSlice } from '../handlers';
import { toStationFailure, type SyncEngine } from './engine';

type SyncMethod = 'sync.status' | 'sync.settings.get' | 'sync.settings.set' | 'sync.test' | 'sync.now' | 'sync.parked.retry' | 'sync.parked.dismiss';

/** The settings screen's calls. The secret is sealed on the way in and never sent back out. */
export function syncHandlers(core: Core, engine: SyncEngine): HandlerSlice<SyncMethod> {
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
      core.store.transaction(() => {
        sync.settings.saveSettings(settings);
        if (secret !== undefined) sync.settings.saveSealedSecret(secret === null ? null : secrets.sealer.seal(new TextEncoder().encode(secret)));
        // The journal learns that the secret changed, never what it is.
        record('sync.settings', call.user?.id ?? null, call.stationId, { kind: settings.kind, secretChanged: secret !== undefined });
      });
      logger.info('sync settings changed', { kind: settings.kind, by: call.user?.id, secretChanged: secret !== undefined });
      core.events.emit('sync.changed', {});
      return engine.status();
    },
    'sync.test': () => engine.testConnection(),
    'sync.now': async () => {
      const run = await engine.runOnce();
      core.events.emit('sync.changed', {});
      if (run.pulledOrders > 0 || run.changedOrders > 0) core.events.emit('queue.changed', { stationId: null });
      if (run.error?.kind === 'refused' && run.pulledOrders === 0 && run.pushed === 0 && !engine.backend()) throw toStationFailure(new StationFailure('SYNC_NOT_CONFIGURED', run.error.message));
      return run;
    },
    'sync.parked.retry': ({ eventId }, call) => decide(eventId, 'requeue', call.user?.id ?? null, call.stationId),
    'sync.parked.dismiss': ({ eventId }, call) => decide(eventId, 'dismiss', call.user?.id ?? null, call.stationId),
  };
}
