import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../src/contract/review';
import { VERDICT_LOOK } from '../pack/verdicts';
import { describeEntry } from './entryText';

interface Props {
  entries: readonly TimelineEntry[];
  selectedSeq: number | null;
  onSelect(seq: number): void;
}

/** Every journal entry of the order, oldest first; the time of each is a button that plays the video from there. */
export function TimelineTable({ entries, selectedSeq, onSelect }: Props) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div className="review-table">
      <table className="review-timeline" data-testid="timeline">
        <caption>{t('review.entries')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.columns.time')}</th>
            <th scope="col">{t('review.columns.station')}</th>
            <th scope="col">{t('review.columns.who')}</th>
            <th scope="col">{t('review.columns.type')}</th>
            <th scope="col">{t('review.columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const { typeKey, verdict, facts } = describeEntry(entry);
            const selected = entry.seq === selectedSeq;
            return (
              <tr key={entry.seq} data-testid="timeline-entry" data-seq={entry.seq} data-type={entry.type} className={selected ? 'selected' : undefined}>
                <td>
                  <button type="button" className="entry-time" aria-pressed={selected} title={t('review.playFrom')} onClick={() => onSelect(entry.seq)}>
                    {time.format(new Date(entry.at))}
                  </button>
                </td>
                <td>{entry.stationId}</td>
                <td>{entry.actorName ?? t('review.station')}</td>
                <td>{t(`review.types.${typeKey}`, { defaultValue: entry.type })}</td>
                <td>
                  {verdict && (
                    <span className={`entry-verdict tone-${VERDICT_LOOK[verdict].tone}`} data-verdict={verdict}>
                      {t(`pack.verdict.${verdict}`)}
                    </span>
                  )}
                  {facts.map((fact, i) => (
                    <span key={i} className={`entry-fact fact-${fact.key}`}>
                      {t(
                        `review.detail.${fact.key}`,
                        fact.key === 'override'
                          ? { ...fact.values, kind: t(`review.overrideKinds.${fact.values.kind}`, { defaultValue: fact.values.kind }) }
                          : fact.values,
                      )}
                    </span>
                  ))}
                  <span className="entry-hash" title={entry.hash}>
                    #{entry.seq}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
