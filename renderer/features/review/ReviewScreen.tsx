import './review.css';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader';
import { errorText } from '../../i18n/error-text';
import { useKeys } from '../../keyboard/useKeys';
import { useScan } from '../../scanner/useScan';
import { ChainBadge } from './ChainBadge';
import { ClipPlayer } from './ClipPlayer';
import { EvidenceExport } from './EvidenceExport';
import { useReviewStore } from './reviewStore';
import { TimelineTable } from './TimelineTable';
import { ReadFromNotice } from '../central/ReadFromNotice';
import { ParcelSummary } from './ParcelSummary';

/** The manager's review: find an order by anything printed on it, read its journal, watch it being packed. */
/** `manager` false: a returns handler reading the timeline of an order that has a return, with no search and no evidence export. */
export function ReviewScreen({ manager = true }: { manager?: boolean }) {
  const { t, i18n } = useTranslation();
  const { searching, searched, matches, timeline, selectedSeq, error, find, load, select, close } = useReviewStore();
  const [query, setQuery] = useState('');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => field.current?.focus(), []);
  // The entries are said in the screen's language: a new language reads them again.
  const shown = timeline?.order.number;
  useEffect(() => {
    if (shown) void load(shown);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the language change reloads
  }, [i18n.language]);
  // A scan of a parcel label, a pick list or an item's serial looks the order up straight away.
  useScan((code) => {
    setQuery(code);
    void find(code);
  });
  // Escape leaves the review, unless it is leaving the video's full screen first.
  useKeys('screen', { Escape: () => (document.fullscreenElement ? false : close()) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void find(query);
  };
  const entry = timeline?.entries.find((e) => e.seq === selectedSeq) ?? null;

  return (
    <div className="screen review-screen">
      <AppHeader />
      <main className="review-main">
        <div className="review-head">
          <h1>{t('review.title')}</h1>
          <button type="button" onClick={close}>
            {t('review.back')}
          </button>
        </div>
        {manager && (
          <form className="review-search" role="search" onSubmit={submit}>
            <label htmlFor="review-query">{t('review.searchLabel')}</label>
            <input id="review-query" ref={field} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" spellCheck={false} />
            <button type="submit" className="primary" disabled={searching || query.trim() === ''}>
              {t('review.search')}
            </button>
          </form>
        )}
        {error && (
          <p className="notice error" role="alert">
            {errorText(t, error)}
          </p>
        )}
        {!searching && searched && matches.length === 0 && !error && <p className="notice">{t('review.notFound', { query: searched })}</p>}
        {matches.length > 1 && (
          <ul className="review-matches" aria-label={t('review.matches')}>
            {matches.map((m) => (
              <li key={m.number}>
                <button type="button" onClick={() => void load(m.number)} aria-current={timeline?.order.number === m.number}>
                  {m.number} — {m.customerName} ({t(`review.matchedBy.${m.matchedBy}`)})
                </button>
              </li>
            ))}
          </ul>
        )}
        {timeline && (
          <div className="review-order" data-order={timeline.order.number}>
            <div className="review-order-head">
              <h2 data-testid="review-order">
                {timeline.order.number} · {timeline.order.customerName} ·{' '}
                <span className="review-status">{t(`review.status.${timeline.order.status}`, { defaultValue: timeline.order.status })}</span>
              </h2>
              <ChainBadge chain={timeline.chain} />
            </div>
            <ReadFromNotice readFrom={timeline.readFrom} />
            <ParcelSummary parcels={timeline.parcels} packing={timeline.packing} />
            <div className="review-columns">
              <TimelineTable entries={timeline.entries} selectedSeq={selectedSeq} onSelect={select} />
              <aside className="review-side">
                <ClipPlayer segments={timeline.segments} entry={entry} />
                {manager && <EvidenceExport />}
              </aside>
            </div>
          </div>
        )}
      </main>
    </div>
  );
}
