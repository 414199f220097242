import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useScaleStore } from './scaleStore';

/** The live weight on the plate; its own subscription, so readings repaint only this line. */
export const ScaleReading = memo(function ScaleReading() {
  const { t } = useTranslation();
  const reading = useScaleStore((s) => s.reading);
  const loaded = useScaleStore((s) => s.loaded);
  if (!loaded || reading === null) {
    return (
      <div className="scale scale-none" data-testid="scale">
        {t('pack.scale')}: {t('pack.scaleNone')}
      </div>
    );
  }
  const state = reading.grams === null ? 'fault' : reading.stable ? 'stable' : 'moving';
  return (
    <div className={`scale scale-${state}`} data-testid="scale" data-state={state}>
      <span>{t('pack.scale')}:</span>{' '}
      <strong className="scale-grams">{reading.grams === null ? '—' : t('pack.grams', { grams: Math.round(reading.grams) })}</strong>{' '}
      <span className="scale-state">{t(state === 'stable' ? 'pack.scaleStable' : state === 'moving' ? 'pack.scaleMoving' : 'pack.scaleFault')}</span>
    </div>
  );
});
