import './login.css';
import { useTranslation } from 'react-i18next';
import type { CurrentLogin } from '../../../src/contract/schemas';
import { Banner } from '../../components/Banner';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { playSound } from '../../components/sound';
import { errorText } from '../../i18n/error-text';
import { useScan } from '../../scanner/useScan';
import { routeScan } from '../../scanner/scans';
import { useStationStore } from '../../station/stationStore';
import { BadgeForm } from './BadgeForm';
import { useLoginStore } from './loginStore';
import { PinForm } from './PinForm';

export function LoginScreen() {
  const { t } = useTranslation();
  const station = useStationStore((s) => s.station);
  const idleLogout = useStationStore((s) => s.idleLogout);
  const loggedIn = useStationStore((s) => s.loggedIn);
  const { mode, error, attempt, busy } = useLoginStore();

  const finish = (login: CurrentLogin | null) => {
    if (!login) return;
    playSound('ok');
    loggedIn(login);
  };

  // A badge scan logs in from either mode: the scanner is always the quickest way. Scanned and
  // typed badges both go through the core's one scan pipeline.
  useScan((code) => void routeScan(code, 'wedge'));

  return (
    <div className="screen login-screen">
      <header className="topbar">
        <span className="brand">Packdesk</span>
        {station && <span className="topbar-station">{station.name}</span>}
        <LanguageSwitch />
      </header>
      {error && <Banner key={attempt} kind="error" title={t('banner.loginFailed')} detail={errorText(t, error)} />}
      {!error && idleLogout && station && <Banner kind="info" title={t('login.idleLoggedOut', { minutes: station.idleLogoutMinutes })} />}
      <main className="login-main" aria-busy={busy}>
        {mode === 'badge' ? <BadgeForm onBadge={(badge) => routeScan(badge, 'manual')} /> : <PinForm onLogin={finish} />}
      </main>
    </div>
  );
}
