import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader';
import { playSound } from '../../components/sound';
import { useKeys } from '../../keyboard/useKeys';
import { useScan } from '../../scanner/useScan';
import { routeScan } from '../../session/scans';
import { usePackStore, type Completion } from './packStore';

const BACK_TO_QUEUE_MS = 4000;

/** "Order complete — labels printing", then the queue; the next order's scan works at once. */
export function CompletionScreen({ completion }: { completion: Completion }) {
  const { t } = useTranslation();
  const finish = usePackStore((s) => s.finish);

  useEffect(() => {
    playSound('order');
    const timer = setTimeout(finish, BACK_TO_QUEUE_MS);
    return () => clearTimeout(timer);
  }, [finish]);
  useKeys('screen', { Enter: finish, Escape: finish });

  useScan((code) => void routeScan(code, 'wedge'));

  const partial = completion.status === 'partially_shipped';
  return (
    <div className="screen completion-screen">
      <AppHeader />
      <main className={`completion ${partial ? 'completion-partial' : ''}`} role="status" data-testid="completion">
        <div className="completion-title">{t('pack.done.title', { number: completion.orderNumber })}</div>
        <div className="completion-detail">
          {t('pack.done.printing')} {t('pack.done.parcels', { count: completion.parcels })}.
        </div>
        {partial && <div className="completion-detail">{t('pack.done.partial', { count: completion.backordered })}</div>}
        <p className="completion-next">{t('pack.done.next')}</p>
      </main>
    </div>
  );
}
