import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader';
import { playSound } from '../../components/sound';
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
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === 'Escape') finish();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey);
    };
  }, [finish]);

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
