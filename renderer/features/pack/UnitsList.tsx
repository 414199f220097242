import { useTranslation } from 'react-i18next';
import type { PackingView } from '../../../src/contract/packing';

/** What went into the parcels, newest first, with serials and lots: what the packer can check. */
export function UnitsList({ units, parcels }: { units: PackingView['units']; parcels: number }) {
  const { t } = useTranslation();
  const newestFirst = [...units].reverse();
  return (
    <section className="pack-units" aria-labelledby="units-title">
      <h2 id="units-title">
        {t('pack.scanned')} <span className="muted">({t('pack.units', { count: units.reduce((n, u) => n + u.count, 0) })})</span>
      </h2>
      {units.length === 0 && <p className="hint">{t('pack.scannedEmpty')}</p>}
      <ol className="unit-list" data-testid="units">
        {newestFirst.map((unit) => (
          <li key={unit.id} data-testid="unit" data-sku={unit.sku}>
            <span className="unit-count">{unit.count}×</span>
            <span className="unit-name">
              {unit.name} <span className="sku">{unit.sku}</span>
              {unit.serial && (
                <span className="tag tag-serial">
                  {t('pack.serial')} {unit.serial}
                </span>
              )}
              {unit.lot && (
                <span className="tag tag-lot">
                  {t('pack.lot')} {unit.lot}
                  {unit.expiry ? ` (${unit.expiry})` : ''}
                </span>
              )}
            </span>
            {parcels > 1 && <span className="unit-parcel">{t('pack.parcelShort', { no: unit.parcelNo })}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
