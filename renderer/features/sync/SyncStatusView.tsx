import { useTranslation } from 'react-i18next';
import type { SyncProgress, SyncStatus } from '../../../src/contract/sync';

/** Where sync stands: a progress bar while it runs, the last error, what waits and what the shop refused. */
export function SyncStatusView(props: {
  status: SyncStatus;
  progress: SyncProgress | null;
  manager: boolean;
  onDecide(eventId: number, decision: 'retry' | 'dismiss'): void;
}) {
  const { t } = useTranslation();
  const { status, progress } = props;
  const share = progress && progress.total ? Math.min(1, progress.done / progress.total) : null;
  return (
    <section className="sync-status" aria-live="polite">
      {status.insecureHttp && (
        <p className="notice error sync-insecure" role="alert" data-sync="insecure-http">
          {t('sync.insecureHttp')}
        </p>
      )}
      {status.secretNeeded && (
        <p className="notice error" data-sync="secret-needed">
          {t('sync.secretNeeded')}
        </p>
      )}
      {status.central && (
        <div className="notice sync-central" data-sync="from-central">
          <p>{t('sync.fromCentral')}</p>
          <p>{status.central.shopKind ? t('sync.fromCentralShop', { shop: status.central.shopKind }) : t('sync.fromCentralNoShop')}</p>
          {status.central.lastPullAt && (
            <p>
              {t('sync.centralLastPull')}: {new Date(status.central.lastPullAt).toLocaleString()}
            </p>
          )}
          {status.central.shopError && (
            <p className="sync-error" role="alert">
              {t('sync.centralShopError')}: {status.central.shopError}
            </p>
          )}
        </div>
      )}
      {progress && (
        <div className="sync-progress">
          <span>
            {t(`sync.progress.${progress.phase}`)}: {progress.done}
            {progress.total !== null ? ` / ${progress.total}` : ''}
          </span>
          <progress max={1} {...(share !== null ? { value: share } : {})} />
        </div>
      )}
      <dl className="facts">
        <dt>{t('sync.lastRun')}</dt>
        <dd>{status.lastRunAt ? new Date(status.lastRunAt).toLocaleString() : t('sync.never')}</dd>
        {status.lastError && (
          <>
            <dt>{t('sync.lastError')}</dt>
            <dd className="sync-error">{status.lastError}</dd>
          </>
        )}
        <dt>{t('sync.queued')}</dt>
        <dd>{status.queued}</dd>
      </dl>
      <h3>{t('sync.parked')}</h3>
      {status.parked.length === 0 ? (
        <p>{t('sync.parkedNone')}</p>
      ) : (
        <ul className="sync-parked">
          {status.parked.map((event) => (
            <li key={event.id}>
              <strong>{event.orderNumber}</strong> {event.lastError}
              {props.manager && (
                <span className="row-actions">
                  <button type="button" onClick={() => props.onDecide(event.id, 'retry')}>
                    {t('sync.retry')}
                  </button>
                  <button type="button" onClick={() => props.onDecide(event.id, 'dismiss')}>
                    {t('sync.dismiss')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {status.flagged.length > 0 && (
        <>
          <h3>{t('sync.flagged')}</h3>
          <ul className="sync-flagged">
            {status.flagged.map((f) => (
              <li key={f.orderNumber}>
                <strong>{f.orderNumber}</strong> {t(`sync.flagReasons.${f.reason}`, { defaultValue: f.reason })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
