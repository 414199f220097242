import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../src/contract/review';
import { VERDICT_LOOK } from '../pack/verdicts';
import { isVerdict } from './verdict';

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
            const verdict = entry.type === 'pack.scan' || entry.type === 'pack.quantity' ? isVerdict(entry.payload.verdict) : null;
            // Entries of other stations (through central) share seq numbers with this station's; the clip is this station's.
            const selected = entry.seq === selectedSeq;
            return (
              <tr
                key={`${entry.stationId}:${entry.seq}`}
                data-testid="timeline-entry"
                data-seq={entry.seq}
                data-type={entry.type}
                className={selected ? 'selected' : undefined}
              >
                <td>
                  <button type="button" className="entry-time" aria-pressed={selected} title={t('review.playFrom')} onClick={() => onSelect(entry.seq)}>
                    {time.format(new Date(entry.at))}
                  </button>
                </td>
                <td>{entry.stationId}</td>
                <td>{entry.actorName ?? t('review.station')}</td>
                <td>{entry.typeName}</td>
                <td>
                  {verdict && (
                    <span className={`entry-verdict tone-${VERDICT_LOOK[verdict].tone}`} data-verdict={verdict}>
                      {t(`pack.verdict.${verdict}`)}
                    </span>
                  )}
                  <span className="entry-text">{entry.text}</span>{' '}
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
