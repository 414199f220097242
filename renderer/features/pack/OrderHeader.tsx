import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { carrierText, pickupPointText } from '../../i18n/carriers';
import { usePackStore } from './packStore';

/**
 * Which order this is, for whom and with which carrier: the packer checks it against the pick list.
 * Follows the order and the count of lines done: a scan that completes no line leaves it alone.
 */
export const OrderHeader = memo(function OrderHeader() {
  const { t } = useTranslation();
  const order = usePackStore((s) => s.panels.view?.order ?? null);
  const done = usePackStore((s) => s.panels.view?.lines.filter((line) => line.complete).length ?? 0);
  const total = usePackStore((s) => s.panels.view?.lines.length ?? 0);
  if (!order) return null;
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
        {order.pickupPoint && (
          <span>
            <span className="fact-label">{t('pack.pickup.label')}</span>{' '}
            <strong data-testid="order-pickup-point">{pickupPointText(t, order.carrierCode, order.service, order.pickupPoint)}</strong>
          </span>
        )}
        <span className="lines-done" data-testid="lines-done">
          {t('pack.linesDone', { done, total })}
        </span>
      </div>
      {order.note && (
        <p className="pack-note">
          <span className="fact-label">{t('pack.note')}</span> {order.note}
        </p>
      )}
    </section>
  );
});
