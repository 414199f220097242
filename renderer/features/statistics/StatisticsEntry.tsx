import './statistics.css';
import { useTranslation } from 'react-i18next';
import { useStatisticsStore } from './statisticsStore';

/** The way into the statistics from the queue: everyone's for managers, their own for packers. */
export function StatisticsEntry({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const open = useStatisticsStore((s) => s.open);
  return (
    <button type="button" className={`statistics-entry${manager ? ' beside-review' : ''}`} onClick={() => open(manager)} data-testid="open-statistics">
      {manager ? t('statistics.open') : t('statistics.openOwn')}
    </button>
  );
}
