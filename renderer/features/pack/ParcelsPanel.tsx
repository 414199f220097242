import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackingView } from '../../../src/contract/packing';
import { checkWeight } from '../../../src/domain/weight';
import { call } from '../../api/client';
import { usePackStore } from './packStore';
import { ScaleReading } from './ScaleReading';

type Rules = { toleranceGrams: number; tolerancePercent: number };
type Parcel = PackingView['parcels'][number];

const NO_PARCELS: Parcel[] = [];

/** Parcels with box, expected and actual weight (green within tolerance, red outside), and the scale. */
export const ParcelsPanel = memo(function ParcelsPanel() {
  const { t } = useTranslation();
  const parcels = usePackStore((s) => s.panels.view?.parcels ?? NO_PARCELS);
  const active = usePackStore((s) => s.panels.view?.activeParcel ?? 1);
  const [rules, setRules] = useState<Rules | null>(null);

  useEffect(() => {
    void call('pack.rules', {}).then((result) => result.ok && setRules(result.value));
  }, []);

  return (
    <section className="pack-parcels" aria-labelledby="parcels-title">
      <h2 id="parcels-title">{t('pack.parcels')}</h2>
      <ScaleReading />
      {parcels.map((parcel) => (
        <ParcelCard key={parcel.no} parcel={parcel} active={parcel.no === active} several={parcels.length > 1} rules={rules} />
      ))}
    </section>
  );
});

/** One parcel; renders again only when that parcel (or whether it is the active one) changes. */
const ParcelCard = memo(function ParcelCard({ parcel, active, several, rules }: { parcel: Parcel; active: boolean; several: boolean; rules: Rules | null }) {
  const { t } = useTranslation();
  const act = usePackStore((s) => s.act);
  const allowed = rules
    ? checkWeight(parcel.expectedGrams, parcel.expectedGrams, { grams: rules.toleranceGrams, percent: rules.tolerancePercent }).allowedGrams
    : null;
  const weightState = parcel.weightOk === null ? 'none' : parcel.weightOk ? 'ok' : 'bad';
  return (
    <div
      className={`parcel${active ? ' parcel-active' : ''}`}
      data-testid="parcel"
      data-parcel={parcel.no}
      data-weight={weightState}
      data-expected={Math.round(parcel.expectedGrams)}
    >
      <div className="parcel-head">
        <strong>{t('pack.parcel', { no: parcel.no })}</strong>
        <span className="muted"> · {t('pack.units', { count: parcel.units })}</span>
        {active && several && <span className="tag tag-active">{t('pack.activeParcel')}</span>}
        <span className="parcel-actions">
          {!active && (
            <button type="button" className="small" onClick={() => void act('pack.parcel.activate', { parcel: parcel.no }, 'parcelActivated')}>
              {t('pack.keys.nextParcel')}
            </button>
          )}
          {several && parcel.units === 0 && (
            <button type="button" className="small" onClick={() => void act('pack.parcel.remove', { parcel: parcel.no }, 'parcelRemoved')}>
              {t('pack.remove')}
            </button>
          )}
        </span>
      </div>
      <div className={`parcel-box${parcel.boxCode ? '' : ' missing'}`}>
        {t('pack.box')}: <strong>{parcel.boxCode ?? t('pack.noBox')}</strong>
        {parcel.boxCode && <span className="muted"> ({t('pack.grams', { grams: parcel.tareGrams })})</span>}
      </div>
      <div className={`parcel-weight weight-${weightState}`} data-testid="parcel-weight">
        <span>
          {t('pack.expected')}: <strong>{t('pack.grams', { grams: Math.round(parcel.expectedGrams) })}</strong>
          {allowed !== null && <span className="muted"> {t('pack.tolerance', { grams: allowed })}</span>}
        </span>
        <span>
          {t('pack.weighed')}:{' '}
          <strong>{parcel.weightGrams === null ? t('pack.notWeighed') : t('pack.grams', { grams: Math.round(parcel.weightGrams) })}</strong>
          {parcel.weightSource === 'manual' && <span className="muted"> ({t('pack.manual')})</span>}
        </span>
      </div>
    </div>
  );
});
