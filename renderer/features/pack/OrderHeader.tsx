import { useTranslation } from 'react-i18next';
import type { PackingView } from '../../../src/contract/packing';
import { carrierText } from '../../i18n/carriers';

/** Which order this is, for whom and with which carrier: the packer checks it against the pick list. */
export function OrderHeader({ order, lines }: { order: PackingView['order']; lines: PackingView['lines'] }) {
  const { t } = useTranslation();
  const done = lines.filter((line) => line.complete).length;
  const { shipTo } = order;
  return (
    <section className="pack-order">
      <h1 data-testid="order-title">{t('pack.title', { number: order.number })}</h1>
      <div className="pack-order-facts">
        <span>
          <span className="fact-label">{t('pack.customer')}</span> <strong>{order.customerName}</strong>
          <span className="muted">
            {' '}
            · {shipTo.postcode} {shipTo.city}, {shipTo.country}
          </span>
        </span>
        <span>
          <span className="fact-label">{t('pack.carrier')}</span>{' '}
          <strong data-testid="order-carrier">{carrierText(t, order.carrierCode, order.service)}</strong>
        </span>
        <span className="lines-done" data-testid="lines-done">
          {t('pack.linesDone', { done, total: lines.length })}
        </span>
      </div>
      {order.note && (
        <p className="pack-note">
          <span className="fact-label">{t('pack.note')}</span> {order.note}
        </p>
      )}
    </section>
  );
}
