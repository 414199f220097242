import { useEffect, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe } from '../../api/client';
import { FormRow } from '../../components/FormRow';
import { errorText } from '../../i18n/error-text';
import { useKeys } from '../../keyboard/useKeys';
import { useScan } from '../../scanner/useScan';
import { useStationStore } from '../../station/stationStore';
import { ReadFromNotice } from '../central/ReadFromNotice';
import { PAGE_SIZE, useJournalStore } from './journalStore';

/** The journal searched by person, station, type, order, time and words, each entry in words; and the whole chain checked. */
export function JournalPanel() {
  const { t, i18n } = useTranslation();
  const { form, options, page, searching, error, checking, progress, check, setForm, loadOptions, search, verify, progressed } = useJournalStore();
  const first = useRef<HTMLInputElement>(null);
  const loginId = useStationStore((s) => s.login?.id);

  useEffect(() => {
    void loadOptions();
    void search(useJournalStore.getState().page?.offset ?? 0);
    first.current?.focus();
  }, [loadOptions, search, i18n.language]);
  useEffect(
    () =>
      subscribe('journal.verify.progress', (event) => {
        if (event.loginId === loginId) progressed(event.checked, event.total);
      }),
    [loginId, progressed],
  );
  // A scanned parcel label or order number narrows the search to that order.
  useScan((code) => {
    setForm({ orderNumber: code });
    void search(0);
  });
  const offset = page?.offset ?? 0;
  const hasNext = page !== null && offset + PAGE_SIZE < page.total;
  useKeys('screen', {
    PageDown: () => (hasNext ? void search(offset + PAGE_SIZE) : false),
    PageUp: () => (offset > 0 ? void search(offset - PAGE_SIZE) : false),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(0);
  };
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const percent = progress && progress.total > 0 ? Math.round((progress.checked / progress.total) * 100) : 0;

  return (
    <section className="console-panel journal-panel" aria-labelledby="journal-title">
      <h2 id="journal-title">{t('console.journal.title')}</h2>
      {/* The lists to narrow by could not reach central: they hold this station's own only (said once, with the page's). */}
      {options?.readFrom === 'station-only' && page?.readFrom !== 'station-only' && <ReadFromNotice readFrom="station-only" />}
      <form className="journal-filters" role="search" onSubmit={submit}>
        <FormRow label={t('console.journal.text')}>
          <input ref={first} name="text" value={form.text} onChange={(e) => setForm({ text: e.target.value })} autoComplete="off" spellCheck={false} />
        </FormRow>
        <FormRow label={t('console.journal.person')}>
          <select name="person" value={form.userId} onChange={(e) => setForm({ userId: e.target.value })}>
            <option value="">{t('console.journal.anyone')}</option>
            {options?.people.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
                {p.active ? '' : ` (${t('console.journal.inactive')})`}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow label={t('console.journal.station')}>
          <select name="station" value={form.stationId} onChange={(e) => setForm({ stationId: e.target.value })}>
            <option value="">{t('console.journal.anyStation')}</option>
            {options?.stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id} · {s.name}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow label={t('console.journal.type')}>
          <select name="type" value={form.type} onChange={(e) => setForm({ type: e.target.value })}>
            <option value="">{t('console.journal.anyType')}</option>
            {options?.types.map((type) => (
              <option key={type.type} value={type.type}>
                {type.name}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow label={t('console.journal.order')}>
          <input name="order" value={form.orderNumber} onChange={(e) => setForm({ orderNumber: e.target.value })} autoComplete="off" spellCheck={false} />
        </FormRow>
        <FormRow label={t('console.journal.from')}>
          <input name="from" type="datetime-local" value={form.from} onChange={(e) => setForm({ from: e.target.value })} />
        </FormRow>
        <FormRow label={t('console.journal.to')}>
          <input name="to" type="datetime-local" value={form.to} onChange={(e) => setForm({ to: e.target.value })} />
        </FormRow>
        <button type="submit" className="primary" disabled={searching}>
          {t('console.journal.search')}
        </button>
      </form>
      {error && (
        <p className="notice error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {page && (
        <>
          <ReadFromNotice readFrom={page.readFrom} />
          <p className="journal-count" data-testid="journal-count" role="status">
            {page.total === 0
              ? t('console.journal.none')
              : t(page.totalIsAtLeast ? 'console.journal.rangeMore' : 'console.journal.range', {
                  from: offset + 1,
                  to: offset + page.entries.length,
                  total: page.total.toLocaleString(i18n.language),
                })}
          </p>
          <div className="console-table">
            <table className="journal-results" data-testid="journal-results">
              <thead>
                <tr>
                  <th scope="col">{t('console.journal.columns.time')}</th>
                  <th scope="col">{t('console.journal.columns.station')}</th>
                  <th scope="col">{t('console.journal.columns.who')}</th>
                  <th scope="col">{t('console.journal.columns.what')}</th>
                  <th scope="col">{t('console.journal.columns.order')}</th>
                  <th scope="col">{t('console.journal.columns.details')}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <tr
                    key={`${entry.stationId}:${entry.seq}`}
                    data-testid="journal-entry"
                    data-station={entry.stationId}
                    data-seq={entry.seq}
                    data-type={entry.type}
                  >
                    <td>{time.format(new Date(entry.at))}</td>
                    <td>{entry.stationId}</td>
                    <td>{entry.actorName ?? t('console.journal.theStation')}</td>
                    <td>{entry.typeName}</td>
                    <td>{entry.subject?.kind === 'order' ? entry.subject.id : ''}</td>
                    <td>
                      {entry.text}{' '}
                      <span className="entry-hash" title={entry.hash}>
                        #{entry.seq}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="console-pager">
            <button type="button" disabled={offset === 0 || searching} onClick={() => void search(offset - PAGE_SIZE)}>
              {t('console.journal.previous')}
            </button>
            <button type="button" disabled={!hasNext || searching} onClick={() => void search(offset + PAGE_SIZE)}>
              {t('console.journal.next')}
            </button>
          </div>
        </>
      )}
      <div className="journal-verify">
        <button type="button" onClick={() => void verify()} disabled={checking} data-testid="journal-verify">
          {checking ? t('console.journal.checking') : t('console.journal.verify')}
        </button>
        {progress && (
          <progress max={100} value={percent} aria-label={t('console.journal.progress', { percent })} data-testid="journal-progress">
            {percent}%
          </progress>
        )}
        {checking && progress && <span role="status">{t('console.journal.progress', { percent })}</span>}
        {check && (
          <p className={check.intact ? 'notice ok' : 'notice error'} role={check.intact ? 'status' : 'alert'} data-testid="journal-check">
            {check.intact
              ? t('console.journal.intact', { count: check.entries, seconds: check.seconds.toFixed(1) })
              : t('console.journal.broken', { seq: check.problems[0]?.seq ?? '?', message: check.problems[0]?.message ?? '' })}
          </p>
        )}
      </div>
    </section>
  );
}
