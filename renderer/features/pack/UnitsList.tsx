import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackingView } from '../../../src/contract/packing';
import { usePackStore } from './packStore';
import { newestUnitRows } from './unitRows';

type Unit = PackingView['units'][number];

const NO_UNITS: Unit[] = [];

/** Rows from here down are below the list's fold (about eight show): they may skip rendering (panels.css). */
const FOLD = 12;

/**
 * What went into the parcels, newest first, with serials and lots: what the packer can check.
 * A scan adds one row; the rows already there keep their objects (keepUnchanged) and do not render again.
 */
export const UnitsList = memo(function UnitsList() {
  const { t } = useTranslation();
  const units = usePackStore((s) => s.panels.view?.units ?? NO_UNITS);
  const several = usePackStore((s) => (s.panels.view?.parcels.length ?? 0) > 1);
  const { rows: newestFirst, earlier } = newestUnitRows(units);
  return (
    <section className="pack-units" aria-labelledby="units-title">
      <h2 id="units-title">
        {t('pack.scanned')} <span className="muted">({t('pack.units', { count: units.reduce((n, u) => n + u.count, 0) })})</span>
      </h2>
      {units.length === 0 && <p className="hint">{t('pack.scannedEmpty')}</p>}
      <ol className="unit-list" data-testid="units">
        {newestFirst.map((unit, index) => (
          <UnitRow key={unit.id} unit={unit} several={several} belowFold={index >= FOLD} />
        ))}
        {earlier > 0 && (
          <li className="unit-earlier unit-below-fold" data-testid="units-earlier">
            {t('pack.earlierRows', { count: earlier })}
          </li>
        )}
      </ol>
    </section>
  );
});

const UnitRow = memo(function UnitRow({ unit, several, belowFold }: { unit: Unit; several: boolean; belowFold: boolean }) {
  const { t } = useTranslation();
  return (
    <li data-testid="unit" data-sku={unit.sku} className={belowFold ? 'unit-below-fold' : undefined}>
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
      {several && <span className="unit-parcel">{t('pack.parcelShort', { no: unit.parcelNo })}</span>}
    </li>
  );
});
