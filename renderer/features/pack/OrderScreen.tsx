import './order.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../src/contract/schemas';
import { AppHeader } from '../../components/AppHeader';
import { usePackStore } from './packStore';

/** The open order: what has to go into the parcel. Scanning items comes with the packing screen. */
export function OrderScreen({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const close = usePackStore((s) => s.close);
  const closeButton = useRef<HTMLButtonElement>(null);
  const items = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  const { shipTo } = order;

  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  return (
    <div className="screen order-screen">
      <AppHeader />
      <main className="order-main">
        <div className="order-heading">
          <h1 data-testid="order-title">{t('order.title', { number: order.number })}</h1>
          <button ref={closeButton} type="button" className="primary" onClick={() => void close()}>
            ← {t('order.close')}
          </button>
        </div>
        <p className="hint">{t('order.closeHint')}</p>
        <div className="order-facts">
          <section>
            <h2>{t('order.shipTo')}</h2>
            <address>
              <strong>{shipTo.name}</strong>
              {shipTo.company && <div>{shipTo.company}</div>}
              <div>{shipTo.street}</div>
              <div>
                {shipTo.postcode} {shipTo.city}, {shipTo.country}
              </div>
            </address>
          </section>
          <section>
            <h2>{t('order.carrier')}</h2>
            <div className="big-value">{[order.carrierCode, order.service].filter(Boolean).join(' · ') || '—'}</div>
          </section>
          {order.note && (
            <section className="order-note">
              <h2>{t('order.note')}</h2>
              <div>{order.note}</div>
            </section>
          )}
        </div>
        <h2>
          {t('order.lines')} <span className="muted">({t('order.totalItems', { count: items, lines: order.lines.length })})</span>
        </h2>
        <table className="order-lines">
          <thead>
            <tr>
              <th scope="col">{t('order.sku')}</th>
              <th scope="col">{t('order.product')}</th>
              <th scope="col" className="num">
                {t('order.quantity')}
              </th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((line) => (
              <tr key={line.id}>
                <td className="sku">{line.sku}</td>
                <td>{line.name}</td>
                <td className="num qty">{line.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </main>
    </div>
  );
}
