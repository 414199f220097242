import { useTranslation } from 'react-i18next';
import { useStationStore } from '../../station/stationStore';
import { usePackStore } from '../pack/packStore';
import { useReviewStore } from '../review/reviewStore';
import { useDeskStore } from './deskStore';
import { canSwitchDesk, homeOf, type Home } from './home';

/**
 * For managers and admins, who may do both: the header's way from the packing queue to the returns
 * desk and back. Not while an order is open for packing or the review is on screen.
 */
export function DeskSwitch() {
  const { t } = useTranslation();
  const login = useStationStore((s) => s.login);
  const { choice, choose } = useDeskStore();
  const packing = usePackStore((s) => s.view !== null);
  const reviewing = useReviewStore((s) => s.visible);
  if (!login || !canSwitchDesk(login.user.role) || packing || reviewing) return null;
  const other: Home = homeOf(login.user.role, login.station.kind, choice) === 'returns' ? 'packing' : 'returns';
  return (
    <button type="button" className={`header-button desk-switch to-${other}`} onClick={() => choose(other)} data-testid="desk-switch">
      {other === 'returns' ? t('returns.toReturns') : t('returns.toPacking')}
    </button>
  );
}
