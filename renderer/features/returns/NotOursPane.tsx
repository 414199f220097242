import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotOursView } from '../../../src/contract/returns-schemas';
import type { StationError } from '../../../src/contract/errors';
import { useStationStore } from '../../station/stationStore';
import { Deadline } from './Deadline';
import { useReturnsStore } from './returnsStore';
import { returnsErrorText } from './words';

/** A parcel recorded as not ours: who sent it, its hold deadline, and what became of it (linked, sent back, disposed). */
export function NotOursPane({ parcel }: { parcel: NotOursView }) {
  const { t, i18n } = useTranslation();
  const language = useStationStore((s) => s.language);
  const { linkNotOurs, resolveNotOurs } = useReturnsStore();
  const [order, setOrder] = useState('');
  const [error, setError] = useState<StationError | null>(null);
  const held = parcel.status === 'held';
  const received = new Date(parcel.receivedAt).toLocaleString(i18n.language === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section className="not-ours-pane" data-testid="not-ours-pane" data-number={parcel.number} data-status={parcel.status}>
      <div className="return-head">
        <h2>{t('returns.parcel', { number: parcel.number })}</h2>
        <span className="tag" data-testid="not-ours-status">
          {t(`returns.parcelStatus.${parcel.status}`)}
        </span>
        {held && <Deadline deadline={parcel.hold} />}
      </div>
      <p>{t('returns.receivedBy', { when: received, handler: parcel.handler, station: parcel.stationId })}</p>
      <dl className="sender">
        <dt>{t('returns.sender.name')}</dt>
        <dd>{parcel.sender.name}</dd>
        {parcel.sender.address && (
          <>
            <dt>{t('returns.sender.address')}</dt>
            <dd>{parcel.sender.address}</dd>
          </>
        )}
        {parcel.sender.email && (
          <>
            <dt>{t('returns.sender.email')}</dt>
            <dd>{parcel.sender.email}</dd>
          </>
        )}
        {parcel.sender.phone && (
          <>
            <dt>{t('returns.sender.phone')}</dt>
            <dd>{parcel.sender.phone}</dd>
          </>
        )}
        {parcel.tracking && (
          <>
            <dt>{t('returns.tracking')}</dt>
            <dd>
              {parcel.carrier ? `${parcel.carrier} · ` : ''}
              {parcel.tracking}
            </dd>
          </>
        )}
        {parcel.note && (
          <>
            <dt>{t('returns.note')}</dt>
            <dd>{parcel.note}</dd>
          </>
        )}
      </dl>
      <p className="muted">{t('returns.photos', { count: parcel.photos.length })}</p>
      {parcel.linkedOrderNumber && <p className="notice ok">{t('returns.linkedTo', { order: parcel.linkedOrderNumber })}</p>}
      {held && (
        <form
          className="link-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (order.trim()) void linkNotOurs(order.trim()).then(setError);
          }}
        >
          <label>
            {t('returns.linkLabel')}
            <input name="link-order" value={order} onChange={(e) => setOrder(e.target.value)} autoComplete="off" spellCheck={false} />
          </label>
          <button type="submit" className="primary" disabled={!order.trim()}>
            {t('returns.link')}
          </button>
          <button type="button" onClick={() => void resolveNotOurs('sent_back').then(setError)}>
            {t('returns.sentBack')}
          </button>
          <button type="button" onClick={() => void resolveNotOurs('disposed').then(setError)}>
            {t('returns.disposed')}
          </button>
        </form>
      )}
      {error && (
        <p className="notice error" role="alert">
          {returnsErrorText(t, error, language)}
        </p>
      )}
    </section>
  );
}
