import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../src/domain/user';
import { DeskSwitch } from '../features/returns/DeskSwitch';
import { useConsoleStore } from '../features/console/consoleStore';
import { usePackStore } from '../features/pack/packStore';
import { useReviewStore } from '../features/review/reviewStore';
import { useSettingsStore } from '../features/settings/settingsStore';
import { useStationStore } from '../station/stationStore';
import { LanguageSwitch } from './LanguageSwitch';

/** Who is packing where, the language, and the way out. Managers get their own entry, and the switch between the desks. Follows its own stores only. */
export const AppHeader = memo(function AppHeader() {
  const { t } = useTranslation();
  const login = useStationStore((s) => s.login);
  const logout = useStationStore((s) => s.logout);
  const openSettings = useSettingsStore((s) => s.show);
  const openConsole = useConsoleStore((s) => s.open);
  const consoleOpen = useConsoleStore((s) => s.visible);
  const packing = usePackStore((s) => s.view !== null);
  const closeReview = useReviewStore((s) => s.close);
  if (!login) return null;
  const { user, station } = login;
  const manages = roleAllows(user.role, ['manager']);

  return (
    <header className="topbar">
      <span className="brand">Packdesk</span>
      <span className="topbar-user" data-testid="current-user">
        <strong>{user.name}</strong> <span className={`role-tag role-${user.role}`}>{t(`roles.${user.role}`)}</span>
      </span>
      <span className="topbar-station" data-testid="current-station">
        {t('header.station')}: <strong>{station.name}</strong>
      </span>
      <span className="topbar-spacer" />
      <DeskSwitch />
      {manages && !packing && !consoleOpen && (
        <button
          type="button"
          className="header-button"
          data-testid="open-console"
          onClick={() => {
            closeReview();
            openConsole();
          }}
        >
          {t('console.open')}
        </button>
      )}
      {manages && (
        <button type="button" className="header-button" onClick={openSettings}>
          {t('header.manage')}
        </button>
      )}
      <LanguageSwitch />
      <button type="button" className="header-button logout" onClick={() => void logout()}>
        {t('header.logout')}
      </button>
    </header>
  );
});
