import './sync.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { BackendForm } from './BackendForm';
import { SyncStatusView } from './SyncStatusView';
import { useSyncStore } from './syncStore';

/** Shop sync in the station panel: everyone sees the status and may sync now; managers configure it. */
export function SyncSection(props: { manager: boolean }) {
  const { t } = useTranslation();
  const s = useSyncStore();
  const { load, follow } = s;

  useEffect(() => {
    void load(props.manager);
    return follow();
  }, [load, follow, props.manager]);

  return (
    <section className="sync-section" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      {props.manager && s.settings && (
        <BackendForm settings={s.settings} secret={s.secret} hasSecret={s.status?.hasSecret ?? false} onChange={s.edit} onSecret={s.setSecret} />
      )}
      {s.status && <SyncStatusView status={s.status} progress={s.progress} manager={props.manager} onDecide={(id, d) => void s.decide(id, d)} />}
      {s.lastRun && (
        <p className="notice ok">{t('sync.summary', { orders: s.lastRun.pulledOrders, changed: s.lastRun.changedOrders, pushed: s.lastRun.pushed })}</p>
      )}
      {s.shopName && <p className="notice ok">{t('sync.testOk', { shop: s.shopName })}</p>}
      {s.saved && <p className="notice ok">{t('sync.saved')}</p>}
      {s.secretDropped && (
        <p className="notice error" role="alert" data-sync="secret-dropped">
          {t('sync.secretDropped')}
        </p>
      )}
      {s.error && <p className="notice error">{errorText(t, s.error)}</p>}
      <div className="dialog-actions">
        {props.manager && (
          <>
            <button type="button" onClick={() => void s.save()} disabled={s.busy}>
              {t('sync.save')}
            </button>
            <button type="button" onClick={() => void s.test()} disabled={s.busy}>
              {t('sync.test')}
            </button>
          </>
        )}
        <button type="button" onClick={() => void s.syncNow()} disabled={s.busy || s.status?.kind === 'none'}>
          {s.busy ? t('sync.running') : t('sync.syncNow')}
        </button>
      </div>
    </section>
  );
}
