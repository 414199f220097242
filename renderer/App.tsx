import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginSession } from '../src/contract/schemas';
import { subscribe } from './api/client';
import { LoginScreen } from './features/login/LoginScreen';
import { useLoginStore } from './features/login/loginStore';
import { OrderScreen } from './features/pack/OrderScreen';
import { usePackStore } from './features/pack/packStore';
import { QueueScreen } from './features/queue/QueueScreen';
import { useQueueStore } from './features/queue/queueStore';
import { StationPanel } from './features/settings/StationPanel';
import { useSettingsStore } from './features/settings/settingsStore';
import { errorText } from './i18n/error-text';
import { setLanguage } from './i18n';
import { useActivity } from './session/useActivity';
import { useSessionStore } from './session/sessionStore';
import { useSessionWatch } from './session/useSessionWatch';

/** Forgets everything the last packer's screens held, so the next one starts clean. */
function clearWorkScreens(): void {
  usePackStore.getState().reset();
  useQueueStore.getState().reset();
  useSettingsStore.getState().reset();
  useLoginStore.getState().reset();
}

export function App() {
  const { t } = useTranslation();
  const { phase, startError, station, session, language, start, loggedIn, ended } = useSessionStore();
  const order = usePackStore((s) => s.order);

  useEffect(() => void start(), [start]);
  useEffect(() => setLanguage(language), [language]);

  const stationId = station?.id;
  useEffect(() => {
    if (!stationId) return;
    return subscribe('auth.changed', (event) => {
      if (event.stationId !== stationId) return;
      if (event.session) loggedIn(event.session);
      else ended(event.reason === 'idle' ? 'idle' : 'logout');
    });
  }, [stationId, loggedIn, ended]);

  const userId = session?.user.id;
  useEffect(() => {
    if (userId === undefined) clearWorkScreens();
  }, [userId]);

  const goneIdle = useCallback(() => ended('idle'), [ended]);
  useActivity(session !== null, goneIdle);
  const sessionSeen = useCallback((seen: LoginSession | null) => (seen ? loggedIn(seen) : ended('logout')), [loggedIn, ended]);
  useSessionWatch(userId, sessionSeen);

  if (phase === 'starting') return <div className="screen splash">{t('app.connecting')}</div>;
  if (phase === 'failed') {
    return (
      <div className="screen splash failed" role="alert">
        <h1>{t('app.cannotStart')}</h1>
        {startError && <p className="splash-detail">{errorText(t, startError)}</p>}
        <button type="button" className="primary" autoFocus onClick={() => void start()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (!session) return <LoginScreen />;
  return (
    <>
      {order ? <OrderScreen order={order} /> : <QueueScreen />}
      <StationPanel />
    </>
  );
}
