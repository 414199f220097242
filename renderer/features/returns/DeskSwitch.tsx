import { useTranslation } from 'react-i18next';
import type { Home } from './home';
import { useDeskStore } from './deskStore';

/** For managers and admins, who may do both: the way from the packing queue to the returns desk and back. */
export function DeskSwitch({ current }: { current: Home }) {
  const { t } = useTranslation();
  const choose = useDeskStore((s) => s.choose);
  const other: Home = current === 'returns' ? 'packing' : 'returns';
  return (
    <button type="button" className={`desk-switch to-${other}`} onClick={() => choose(other)} data-testid="desk-switch">
      {other === 'returns' ? t('returns.toReturns') : t('returns.toPacking')}
    </button>
  );
}
