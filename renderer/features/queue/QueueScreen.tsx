import './queue.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../api/client';
import { AppHeader } from '../../components/AppHeader';
import { Banner } from '../../components/Banner';
import { playSound } from '../../components/sound';
import { errorText } from '../../i18n/error-text';
import { useScan } from '../../scanner/useScan';
import { routeScan } from '../../scanner/scans';
import { usePackStore } from '../pack/packStore';
import { QueueList } from './QueueList';
import { UnprintedLabels } from './UnprintedLabels';
import { QUEUE_PAGE_SIZE, useQueueStore } from './queueStore';

const SEARCH_DELAY_MS = 200;

export function QueueScreen() {
  const { t } = useTranslation();
  const { search, offset, orders, total, labelsNotPrinted, selected, chosen, loading, loaded, error } = useQueueStore();
  const { setSearch, load, page, select } = useQueueStore();
  const { opening, refusal, open, acknowledgeRefusal } = usePackStore();
  const searchInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => void load(), search ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [search, load]);

  useEffect(() => subscribe('queue.changed', () => void load()), [load]);
  // A label printing (or failing) changes which orders wait for theirs.
  useEffect(() => subscribe('print.job.changed', () => void load()), [load]);
  useEffect(() => searchInput.current?.focus(), []);

  const openCode = async (code: string) => {
    if (await open(code)) playSound('ok');
  };
  // A scan goes through the core's scan pipeline: an order number, a pick list, or another badge.
  useScan((code) => void routeScan(code, 'wedge'), refusal === null);

  const onKeyDown = (event: React.KeyboardEvent) => {
    // Buttons keep their own Enter; the list keys work from the search field and the list.
    if (event.target instanceof HTMLButtonElement) return;
    const moves: Record<string, () => void> = {
      ArrowDown: () => select(selected + 1),
      ArrowUp: () => select(selected - 1),
      PageDown: () => void page(1),
      PageUp: () => void page(-1),
      Enter: () => {
        // Typed text the packer has not refined with the arrows is a code to open as typed, never
        // "whatever row is on top": the list may still show the results of an older search. And
        // with nothing typed, Enter opens only a row the packer chose: an Enter meant for the
        // completion screen that lands here as it returns must not open the first order.
        const typed = search.trim();
        const order = orders[selected];
        if (typed && !chosen) void openCode(typed);
        else if (order && chosen) void openCode(order.number);
      },
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + QUEUE_PAGE_SIZE, total);

  return (
    <div className="screen queue-screen">
      <AppHeader />
      {refusal && (
        <Banner kind="error" title={t('banner.orderRefused', { code: refusal.code })} detail={errorText(t, refusal.error)} onAcknowledge={acknowledgeRefusal} />
      )}
      {!refusal && error && <Banner kind="error" title={errorText(t, error)} />}
      {opening && <Banner kind="info" title={t('queue.opening', { code: opening })} />}
      <main className="queue-main" onKeyDown={onKeyDown}>
        <div className="queue-heading">
          <h1>{t('queue.title')}</h1>
          <span className="queue-count" data-testid="queue-count">
            {t('queue.count', { count: total })}
          </span>
        </div>
        <p className="hint">{t('queue.scanHint')}</p>
        <UnprintedLabels labels={labelsNotPrinted} />
        <label htmlFor="queue-search" className="search-label">
          {t('queue.searchLabel')}
        </label>
        <input
          id="queue-search"
          ref={searchInput}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={search}
          aria-controls="queue-list"
          aria-activedescendant={chosen && orders[selected] ? `order-${orders[selected].id}` : undefined}
          onChange={(event) => setSearch(event.target.value)}
        />
        <QueueList orders={orders} selected={chosen ? selected : -1} onSelect={select} onOpen={(order) => void openCode(order.number)} />
        {loaded && orders.length === 0 && <p className="queue-empty">{search.trim() ? t('queue.noMatch', { search: search.trim() }) : t('queue.empty')}</p>}
        {!loaded && loading && <p className="queue-empty">{t('queue.loading')}</p>}
        {total > 0 && (
          <nav className="pager">
            <button type="button" onClick={() => void page(-1)} disabled={offset === 0}>
              ← {t('queue.previous')}
            </button>
            <span>{t('queue.range', { from, to, total })}</span>
            <button type="button" onClick={() => void page(1)} disabled={to >= total}>
              {t('queue.next')} →
            </button>
          </nav>
        )}
      </main>
    </div>
  );
}
