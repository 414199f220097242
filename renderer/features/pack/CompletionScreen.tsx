import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader';
import { playSound } from '../../components/sound';
import { useKeys } from '../../keyboard/useKeys';
import { useScan } from '../../scanner/useScan';
import { routeScan } from '../../scanner/scans';
import { carrierText } from '../../i18n/carriers';
import { labelFaultText } from './labelText';
import { usePackStore, type Completion } from './packStore';
import { useLabelStatus } from './useLabelStatus';

const BACK_TO_QUEUE_MS = 4000;

/**
 * "Order complete — labels printing", then the queue; the next order's scan works at once. A label
 * that did not print is said loudly and stays on screen until the packer answers it (Enter): the
 * order is shipped, and its parcel must not leave the table without a label.
 */
export function CompletionScreen({ completion }: { completion: Completion }) {
  const { t } = useTranslation();
  const finish = usePackStore((s) => s.finish);
  const label = useLabelStatus(completion.orderNumber);
  const unlabelled = label?.state === 'not_printed' ? label : null;
  const notPrinted = unlabelled !== null;

  useEffect(() => {
    playSound('order');
  }, []);
  // Back to the queue by itself only while nothing is wrong; once the label prints after all, too.
  useEffect(() => {
    if (notPrinted) {
      playSound('error');
      return;
    }
    const timer = setTimeout(finish, BACK_TO_QUEUE_MS);
    return () => clearTimeout(timer);
  }, [finish, notPrinted]);
  useKeys('screen', { Enter: finish, Escape: finish });

  useScan((code) => void routeScan(code, 'wedge'));

  const partial = completion.status === 'partially_shipped';
  const parcels = t('pack.done.parcels', { count: completion.parcels });
  return (
    <div className="screen completion-screen">
      <AppHeader />
      <main className={`completion ${partial ? 'completion-partial' : ''} ${notPrinted ? 'completion-unlabelled' : ''}`} role="status" data-testid="completion">
        <div className="completion-title">{t('pack.done.title', { number: completion.orderNumber })}</div>
        {unlabelled ? (
          <div className="completion-label" role="alert" data-testid="label-status" data-state="not_printed">
            <div className="completion-label-title">{t('pack.labelPrint.notPrinted')}</div>
            <div className="completion-detail">{labelFaultText(t, unlabelled)}</div>
            <div>{t('pack.labelPrint.whatNow')}</div>
          </div>
        ) : (
          <div className="completion-detail" data-testid="label-status" data-state={label?.state ?? 'printing'}>
            {label?.state === 'printed' ? t('pack.labelPrint.printed') : t('pack.done.printing')} {parcels}.
          </div>
        )}
        {label?.tracking && label.tracking.length > 0 && (
          <div className="completion-detail" data-testid="tracking">
            {t('pack.done.tracking', {
              numbers: label.tracking
                .map((p) => p.number ?? t('pack.done.trackingWaiting', { carrier: carrierText(t, p.carrier.replace('-', '_'), null) }))
                .join(', '),
            })}
          </div>
        )}
        {partial && <div className="completion-detail">{t('pack.done.partial', { count: completion.backordered })}</div>}
        <p className="completion-next">{t('pack.done.next')}</p>
      </main>
    </div>
  );
}
