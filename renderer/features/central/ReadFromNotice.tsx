import { useTranslation } from 'react-i18next';
import type { ReadFrom } from '../../../src/contract/central';

/**
 * Where a console screen's figures come from, when the station is attached to central: every
 * station through central (a quiet line), or this station only because central cannot be
 * reached (loud, never silent). Nothing when the station is not attached.
 */
export function ReadFromNotice({ readFrom }: { readFrom: ReadFrom | undefined }) {
  const { t } = useTranslation();
  if (readFrom === 'station-only') {
    return (
      <p className="central-station-only" role="alert" data-testid="central-station-only">
        {t('central.stationOnly')}
      </p>
    );
  }
  if (readFrom === 'central') {
    return (
      <p className="central-across" data-testid="central-across">
        {t('central.across')}
      </p>
    );
  }
  return null;
}
