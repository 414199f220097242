import { useTranslation } from 'react-i18next';
import type { TimelineView } from '../../../src/contract/review';
import { formatGrams } from '../../../src/domain/journal-text';
import type { Language } from '../../../src/domain/user';

/** What went into each parcel, item by item, with its box and weight: the answer to "what did we send?". */
export function ParcelSummary({ parcels, packing }: Pick<TimelineView, 'parcels' | 'packing'>) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'pl' ? 'pl' : 'en';
  if (!packing) return <p className="notice">{t('review.parcels.never')}</p>;
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section className="parcel-summary" data-testid="parcel-summary" aria-label={t('review.parcels.title')}>
      <h3>{t('review.parcels.title')}</h3>
      <p className="parcel-packing">
        {t(packing.status === 'completed' ? 'review.parcels.packedBy' : 'review.parcels.beingPacked', {
          packer: packing.packer ?? '—',
          station: packing.stationId,
          opened: time.format(new Date(packing.openedAt)),
          completed: packing.completedAt ? time.format(new Date(packing.completedAt)) : '',
        })}
      </p>
      <ol className="parcel-list">
        {parcels.map((parcel) => (
          <li key={parcel.no} data-testid="parcel-contents" data-parcel={parcel.no}>
            <strong>{t('review.parcels.parcel', { no: parcel.no })}</strong>
            {' · '}
            {parcel.boxCode ? t('review.parcels.box', { box: parcel.boxCode }) : t('review.parcels.noBox')}
            {' · '}
            {parcel.weightGrams !== null
              ? t(parcel.weightSource === 'scale' ? 'review.parcels.weighed' : 'review.parcels.typed', { weight: formatGrams(parcel.weightGrams, language) })
              : t('review.parcels.notWeighed')}
            {' · '}
            {t('review.parcels.expected', { weight: formatGrams(parcel.expectedGrams, language) })}
            <ul>
              {parcel.items.length === 0 && <li>{t('review.parcels.empty')}</li>}
              {parcel.items.map((item) => (
                <li key={item.sku}>
                  {item.count} × {item.name} <span className="parcel-sku">({item.sku})</span>
                  {item.serials.length > 0 && ` · ${t('review.parcels.serials', { serials: item.serials.join(', ') })}`}
                  {item.lots.length > 0 && ` · ${t('review.parcels.lots', { lots: item.lots.join(', ') })}`}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
