import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { carrierText } from '../../i18n/carriers';
import type { OrderSummary } from '../../../src/contract/schemas';

interface QueueListProps {
  orders: OrderSummary[];
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (order: OrderSummary) => void;
}

/** The orders as large rows; the search field keeps focus and arrows move the highlight. */
export function QueueList({ orders, selected, onSelect, onOpen }: QueueListProps) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, orders]);

  return (
    <div className="queue-list" id="queue-list" role="listbox" tabIndex={0} aria-label={t('queue.title')} ref={list}>
      <div className="queue-row queue-head" aria-hidden="true">
        <span>{t('queue.number')}</span>
        <span>{t('queue.customer')}</span>
        <span>{t('queue.destination')}</span>
        <span>{t('queue.carrier')}</span>
        <span>{t('queue.items')}</span>
        <span>{t('queue.created')}</span>
      </div>
      {orders.map((order, index) => (
        <div
          key={order.id}
          id={`order-${order.id}`}
          role="option"
          aria-selected={index === selected}
          className="queue-row"
          data-order={order.number}
          onClick={() => {
            onSelect(index);
            onOpen(order);
          }}
        >
          <span className="order-number">{order.number}</span>
          <span>{order.customerName}</span>
          <span>
            {order.city}, {order.country}
          </span>
          <span>{carrierText(t, order.carrierCode, null)}</span>
          <span>
            {t('queue.itemsValue', { count: order.itemCount })}
            {order.openAtStation && <em className="open-at"> {t('queue.openAt', { station: order.openAtStation })}</em>}
          </span>
          <span>{dateFormat.format(new Date(order.createdAt))}</span>
        </div>
      ))}
    </div>
  );
}
