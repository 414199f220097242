import { useTranslation } from 'react-i18next';
import type { FiguresView, PackerStatisticsView } from '../../../src/contract/statistics';
import { FIGURE_KEYS, type FigureKey } from '../../../src/domain/statistics/definitions';
import { dateTime, hours, num } from './format';

function value(f: FiguresView, key: FigureKey): number | null {
  switch (key) {
    case 'activeHours':
      return hours(f.activeSeconds);
    case 'expectedHours':
      return hours(f.expectedSeconds);
    case 'wrongItems':
      return f.errors.wrong_item;
    case 'tooMany':
      return f.errors.too_many;
    case 'unknownCodes':
      return f.errors.unknown_barcode;
    case 'overrides':
      return f.partialOverrides;
    default:
      return f[key];
  }
}

/** How a figure was made, with the packer's own numbers; null where the definition says it all. */
function how(t: (key: string, options?: Record<string, unknown>) => string, key: FigureKey, f: FiguresView): string | null {
  const h = num(hours(f.activeSeconds));
  switch (key) {
    case 'orders':
      return t('statistics.how.orders', { count: num(f.orders, 3), touched: f.ordersTouched, shared: f.sharedOrders });
    case 'activeHours':
      return t('statistics.how.activeHours', { seconds: num(f.activeSeconds, 0), gaps: f.idleGaps, idle: num(f.idleSecondsLeftOut, 0) });
    case 'ordersPerHour':
      return t('statistics.how.ordersPerHour', { orders: num(f.orders, 3), hours: h });
    case 'unitsPerHour':
      return t('statistics.how.unitsPerHour', { units: f.units, hours: h });
    case 'errorsPer100Scans':
      return t('statistics.how.errorsPer100Scans', { errors: f.errorsTotal, scans: f.scans });
    case 'returnsPer1000Orders':
      return t('statistics.how.returnsPer1000Orders', { returns: f.returns, orders: num(f.orders, 3) });
    case 'score':
      return t('statistics.how.score', { expected: num(hours(f.expectedSeconds)), hours: h });
    default:
      return null;
  }
}

/** Every figure of one packer with its definition and how it was made from their numbers. */
export function FigureList({ figures, idleGapSeconds }: { figures: FiguresView; idleGapSeconds: number }) {
  const { t } = useTranslation();
  return (
    <dl className="stats-figures" data-testid="stats-figures">
      {FIGURE_KEYS.map((key) => {
        const made = how(t, key, figures);
        return (
          <div key={key} className="stats-figure" data-figure={key}>
            <dt>{t(`statistics.figures.${key}`)}</dt>
            <dd className="stats-value">{num(value(figures, key))}</dd>
            <dd className="stats-definition">
              {t(`statistics.definitions.${key}`, { minutes: num(idleGapSeconds / 60, 1) })}
              {made && <span className="stats-how"> = {made}</span>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** The orders a packer's figures came from, newest first. */
export function SourceOrders({ view }: { view: PackerStatisticsView }) {
  const { t } = useTranslation();
  if (view.orders.length === 0) return null;
  return (
    <section className="stats-sources" aria-labelledby="stats-sources-title">
      <h3 id="stats-sources-title">{t('statistics.sources.title')}</h3>
      {view.ordersTotal > view.orders.length && (
        <p className="notice">{t('statistics.sources.more', { shown: view.orders.length, total: view.ordersTotal })}</p>
      )}
      <div className="stats-table-wrap">
        <table className="stats-table" data-testid="stats-sources">
          <thead>
            <tr>
              <th scope="col">{t('statistics.sources.order')}</th>
              <th scope="col">{t('statistics.station')}</th>
              <th scope="col">{t('statistics.sources.completed')}</th>
              <th scope="col">{t('statistics.sources.share')}</th>
              <th scope="col">{t('statistics.sources.units')}</th>
              <th scope="col">{t('statistics.sources.active')}</th>
              <th scope="col">{t('statistics.sources.idle')}</th>
              <th scope="col">{t('statistics.sources.scans')}</th>
              <th scope="col">{t('statistics.sources.errors')}</th>
              <th scope="col">{t('statistics.sources.expected')}</th>
              <th scope="col">{t('statistics.sources.score')}</th>
              <th scope="col">{t('statistics.sources.returns')}</th>
            </tr>
          </thead>
          <tbody>
            {view.orders.map((o) => (
              <tr key={`${o.orderNumber}-${o.completedAt}`}>
                <th scope="row">{o.orderNumber}</th>
                <td>{o.stationId}</td>
                <td>{dateTime(o.completedAt)}</td>
                <td>{num(o.share)}</td>
                <td>{o.units}</td>
                <td>{num(o.activeSeconds, 0)}</td>
                <td>{num(o.idleSecondsLeftOut, 0)}</td>
                <td>{o.scans}</td>
                <td>{o.errors}</td>
                <td>{num(o.expectedSeconds, 0)}</td>
                <td>{num(o.orderScore)}</td>
                <td>{o.returns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
