import './settings.css';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAllows } from '../../../src/domain/user';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../i18n/error-text';
import { useStationStore } from '../../station/stationStore';
import { usePrintStore } from '../printing/printStore';
import { SyncSection } from '../sync/SyncSection';
import { CameraSettings } from './CameraSettings';
import { useSettingsStore } from './settingsStore';

/** A dialog over the current screen; Escape or Close returns to where the manager was. */
export function StationPanel() {
  const { t } = useTranslation();
  const { visible, backingUp, backup, error, hide, backupNow } = useSettingsStore();
  const station = useStationStore((s) => s.station);
  const version = useStationStore((s) => s.version);
  const role = useStationStore((s) => s.login?.user.role ?? null);
  const manager = role !== null && roleAllows(role, ['manager']);
  const closeButton = useRef<HTMLButtonElement>(null);

  if (!visible || !station) return null;
  return (
    <Dialog title={t('settings.title')} onClose={hide} className="station-panel" initialFocus={closeButton}>
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
      {manager && (
        <p>
          <button
            type="button"
            data-testid="open-printers"
            onClick={() => {
              // Settings → Printers: the printer settings open over the screen once this panel closes.
              hide();
              usePrintStore.getState().open('settings');
            }}
          >
            {t('settings.printers')}
          </button>
        </p>
      )}
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
    </Dialog>
  );
}
