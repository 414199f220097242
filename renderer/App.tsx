import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentLogin } from '../src/contract/schemas';
import { roleAllows } from '../src/domain/user';
import { subscribe } from './api/client';
import { followBadgeScans } from './features/login/badgeScans';
import { LoginScreen } from './features/login/LoginScreen';
import { useLoginStore } from './features/login/loginStore';
import { CompletionScreen } from './features/pack/CompletionScreen';
import { followPackScans } from './features/pack/packScans';
import { PackScreen } from './features/pack/PackScreen';
import { usePackStore } from './features/pack/packStore';
import { PrintingCorner } from './features/printing/PrintingCorner';
import { usePrintStore } from './features/printing/printStore';
import { useScaleStore } from './features/pack/scaleStore';
import { QueueScreen } from './features/queue/QueueScreen';
import { useDeskStore } from './features/returns/deskStore';
import { homeOf } from './features/returns/home';
import { ReturnsScreen } from './features/returns/ReturnsScreen';
import { ReturnVideo } from './features/returns/ReturnVideo';
import { useReturnsStore } from './features/returns/returnsStore';
import { ReviewEntry } from './features/review/ReviewEntry';
import { ConsoleScreen } from './features/console/ConsoleScreen';
import { useConsoleStore } from './features/console/consoleStore';
import { useJournalStore } from './features/console/journalStore';
import { useShiftStore } from './features/console/shiftStore';
import { useAdminStore } from './features/console/adminStore';
import { ReviewScreen } from './features/review/ReviewScreen';
import { useReviewStore } from './features/review/reviewStore';
import { useQueueStore } from './features/queue/queueStore';
import { StatisticsEntry } from './features/statistics/StatisticsEntry';
import { StatisticsScreen } from './features/statistics/StatisticsScreen';
import { useStatisticsStore } from './features/statistics/statisticsStore';
import { StationPanel } from './features/settings/StationPanel';
import { OfflineNotice } from './features/central/OfflineNotice';
import { useCentralStore } from './features/central/centralStore';
import { useSettingsStore } from './features/settings/settingsStore';
import { errorText } from './i18n/error-text';
import { setLanguage } from './i18n';
import { ScanNotRead } from './scanner/ScanNotRead';
import { showScanResult } from './scanner/scans';
import { deliverScan } from './scanner/listener';
import { useActivity } from './login/useActivity';
import { useStationStore } from './station/stationStore';
import { useLoginWatch } from './login/useLoginWatch';
import { useVideoStore } from './video/videoStore';

/** Forgets everything the last packer's screens held, so the next one starts clean. */
function clearWorkScreens(): void {
  usePackStore.getState().reset();
  useScaleStore.getState().reset();
  useQueueStore.getState().reset();
  useSettingsStore.getState().reset();
  useLoginStore.getState().reset();
  usePrintStore.getState().reset();
  useReviewStore.getState().reset();
  useReturnsStore.getState().reset();
  useDeskStore.getState().reset();
  useConsoleStore.getState().reset();
  useJournalStore.getState().reset();
  useShiftStore.getState().reset();
  useCentralStore.getState().reset();
  useAdminStore.getState().reset();
  useStatisticsStore.getState().reset();
  // Recording belongs to the packer who logged in: it stops with their login.
  useVideoStore.getState().reset();
}

export function App() {
  const { t } = useTranslation();
  const { phase, startError, station, login, language, start, loggedIn, ended } = useStationStore();
  const packing = usePackStore((s) => s.view !== null);
  const completion = usePackStore((s) => s.completion);
  const reviewing = useReviewStore((s) => s.visible);
  const deskChoice = useDeskStore((s) => s.choice);
  const consoleOpen = useConsoleStore((s) => s.visible);
  const statistics = useStatisticsStore((s) => s.visible);

  useEffect(() => void start(), [start]);
  useEffect(() => setLanguage(language), [language]);

  const stationId = station?.id;
  useEffect(() => {
    if (!stationId) return;
    return subscribe('auth.changed', (event) => {
      // Only this screen's own login: other browsers at the station log in and out on their own.
      if (event.stationId !== stationId || event.loginId !== useStationStore.getState().login?.id) return;
      if (event.login) loggedIn(event.login);
      else ended(event.reason === 'idle' ? 'idle' : 'logout');
    });
  }, [stationId, loggedIn, ended]);

  // What each scan meant reaches the login and packing screens by subscription (scanner/scanOutcomes.ts).
  useEffect(() => {
    const stops = [followBadgeScans(), followPackScans()];
    return () => stops.forEach((stop) => stop());
  }, []);

  // HID POS scans are read by the core itself; their answer is shown as if the screen had scanned.
  useEffect(() => {
    if (!stationId) return;
    return subscribe('scan.handled', (event) => {
      if (event.stationId === stationId) showScanResult(event.result, null, false);
    });
  }, [stationId]);
  // At the returns desk the core hands its HID scans to the screen, which takes them as wedge scans.
  useEffect(() => {
    if (!stationId) return;
    return subscribe('scan.read', (event) => {
      if (event.stationId === stationId) deliverScan(event.data);
    });
  }, [stationId]);

  const userId = login?.user.id;
  useEffect(() => {
    if (userId === undefined) clearWorkScreens();
    // After a reload, a restart or a login, the order this station was packing comes back as it was.
    else void usePackStore.getState().resume();
  }, [userId]);

  const goneIdle = useCallback(() => ended('idle'), [ended]);
  useActivity(login !== null, goneIdle);
  const sessionSeen = useCallback((seen: CurrentLogin | null) => (seen ? loggedIn(seen) : ended('logout')), [loggedIn, ended]);
  useLoginWatch(userId, sessionSeen);

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
  if (!login) {
    return (
      <>
        <LoginScreen />
        <ScanNotRead />
      </>
    );
  }
  const manager = roleAllows(login.user.role, ['manager']);
  // A returns handler reads the timeline of the order whose return is open at the desk (docs/security.md).
  const returnsHandler = login.user.role === 'returns';
  // Returns handlers only ever see the returns desk, packers only packing; managers either (issue 10).
  const desk = homeOf(login.user.role, login.station.kind, deskChoice);
  const main = packing ? (
    <PackScreen />
  ) : (manager || returnsHandler) && reviewing ? (
    <ReviewScreen manager={manager} />
  ) : manager && consoleOpen ? (
    <ConsoleScreen />
  ) : statistics ? (
    <StatisticsScreen manager={manager} />
  ) : desk === 'returns' ? (
    <ReturnsScreen />
  ) : completion ? (
    <CompletionScreen completion={completion} />
  ) : (
    <QueueScreen />
  );
  return (
    <>
      <OfflineNotice />
      {main}
      {manager && !packing && !reviewing && !consoleOpen && !statistics && <ReviewEntry />}
      {!packing && !reviewing && !consoleOpen && !statistics && desk !== 'returns' && <StatisticsEntry manager={manager} />}
      {/* The desk's camera follows its open return, also while its order's timeline is shown. */}
      {!packing && desk === 'returns' && <ReturnVideo />}
      <StationPanel />
      {station && <PrintingCorner stationId={station.id} manager={manager} lastOrder={completion?.orderNumber ?? null} />}
      <ScanNotRead />
    </>
  );
}
