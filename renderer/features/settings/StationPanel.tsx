import './settings.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../src/domain/user';
import { errorText } from '../../i18n/error-text';
import { useKeys } from '../../keyboard/useKeys';
import { useSessionStore } from '../../session/sessionStore';
import { SyncSection } from '../sync/SyncSection';
import { CameraSettings } from './CameraSettings';
import { useSettingsStore } from './settingsStore';

/** A dialog over the current screen; Escape or Close returns to where the manager was. */
export function StationPanel() {
  const { t } = useTranslation();
  const { visible, backingUp, backup, error, hide, backupNow } = useSettingsStore();
  const station = useSessionStore((s) => s.station);
  const version = useSessionStore((s) => s.version);
  const role = useSessionStore((s) => s.session?.user.role ?? null);
  const manager = role !== null && roleAllows(role, ['manager']);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!visible) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeButton.current?.focus();
    return () => previous?.focus();
  }, [visible]);
  useKeys('dialog', { Escape: hide }, visible && station !== null);

  if (!visible || !station) return null;
  return (
    <div className="dialog-backdrop">
      {/* With sync and camera settings the panel is taller than a laptop screen: it scrolls inside. */}
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="station-panel-title" style={{ maxHeight: '96vh', overflowY: 'auto' }}>
        <h2 id="station-panel-title">{t('settings.title')}</h2>
        <dl className="facts">
          <dt>{t('settings.id')}</dt>
          <dd>{station.id}</dd>
          <dt>{t('settings.name')}</dt>
          <dd>{station.name}</dd>
          <dt>{t('settings.language')}</dt>
          <dd>{t(`language.${station.language}`)}</dd>
          <dt>{t('settings.idle')}</dt>
          <dd>{t('settings.idleValue', { minutes: station.idleLogoutMinutes })}</dd>
          <dt>{t('settings.version')}</dt>
          <dd>{version}</dd>
        </dl>
        {role && <SyncSection manager={manager} />}
        {manager && <CameraSettings />}
        {backup && <p className="notice ok">{t('settings.backupDone', { file: backup.file, size: Math.ceil(backup.bytes / 1024) })}</p>}
        {error && <p className="notice error">{errorText(t, error)}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={() => void backupNow()} disabled={backingUp}>
            {backingUp ? t('settings.backingUp') : t('settings.backup')}
          </button>
          <button ref={closeButton} type="button" className="primary" onClick={hide}>
            {t('settings.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
