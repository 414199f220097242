import { useTranslation } from 'react-i18next';
import type { ReturnCandidate } from '../../../src/contract/returns-schemas';
import { RETURN_TYPES } from '../../../src/domain/returns';
import { useReturnsStore } from './returnsStore';
import { Deadline } from './Deadline';

function when(iso: string | null, language: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The orders a scan or typed text matched: what was shipped, when, by whom, in how many parcels; the type to open it as. */
export function IdentifyPane() {
  const { t, i18n } = useTranslation();
  const { searched, busy, candidates, notOursFound, chosen, type, dates, choose, setType, setDates, open, showNotOurs } = useReturnsStore();
  if (!searched) return null;
  if (busy && candidates.length === 0) return <p className="notice">{t('returns.identifying', { code: searched })}</p>;
  if (candidates.length === 0 && notOursFound.length === 0) {
    return (
      <p className="notice returns-nothing" role="status" data-testid="returns-nothing">
        {t('returns.nothing', { code: searched })}
      </p>
    );
  }
  return (
    <section className="returns-candidates" aria-label={t('returns.candidates')}>
      {candidates.length > 0 && (
        <>
          <h2>{t('returns.candidates')}</h2>
          <p className="hint">{t('returns.candidatesHint')}</p>
          <ul className="candidate-list" role="listbox" aria-label={t('returns.candidates')}>
            {candidates.map((c, index) => (
              <Candidate key={c.orderId} candidate={c} selected={index === chosen} onSelect={() => choose(index)} language={i18n.language} />
            ))}
          </ul>
          <fieldset className="return-types">
            <legend>{t('returns.type')}</legend>
            {RETURN_TYPES.map((k, index) => (
              <label key={k} className="radio">
                <input type="radio" name="return-type" value={k} checked={type === k} onChange={() => setType(k)} />
                <kbd>{index + 1}</kbd> {t(`returns.types.${k}`)}
              </label>
            ))}
          </fieldset>
          <div className="return-dates">
            <label>
              {t('returns.declaredOn')}
              <input type="date" name="declared-on" value={dates.declaredOn} onChange={(e) => setDates({ declaredOn: e.target.value })} />
            </label>
            <label>
              {t('returns.deliveredOn')}
              <input type="date" name="delivered-on" value={dates.deliveredOn} onChange={(e) => setDates({ deliveredOn: e.target.value })} />
            </label>
            <p className="hint">{t('returns.datesHint')}</p>
          </div>
          <button type="button" className="primary" onClick={() => void open()} disabled={busy} data-testid="open-return">
            {t('returns.open')}
          </button>
        </>
      )}
      {notOursFound.length > 0 && (
        <>
          <h2>{t('returns.notOursFound')}</h2>
          <ul className="candidate-list">
            {notOursFound.map((p) => (
              <li key={p.number}>
                <button type="button" className="link-row" onClick={() => void showNotOurs(p.number)}>
                  <strong>{p.number}</strong> · {p.senderName} · {t(`returns.parcelStatus.${p.status}`)} · <Deadline deadline={p.hold} compact />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Candidate({ candidate, selected, onSelect, language }: { candidate: ReturnCandidate; selected: boolean; onSelect: () => void; language: string }) {
  const { t } = useTranslation();
  const c = candidate;
  return (
    <li
      role="option"
      aria-selected={selected}
      className={selected ? 'candidate selected' : 'candidate'}
      onClick={onSelect}
      data-testid="return-candidate"
      data-order={c.number}
    >
      <div className="candidate-head">
        <strong>{c.number}</strong> · {c.customerName} · {c.city}
        {c.email && <span className="muted"> · {c.email}</span>}
        <span className="matched-by">{t(`returns.matchedBy.${c.matchedBy}`)}</span>
      </div>
      {!c.shipped && <div className="notice error">{t('returns.notShipped')}</div>}
      {c.tracking.length > 0 && (
        <div className="shipment" data-testid="candidate-tracking">
          {t('returns.trackingNumbers', { numbers: c.tracking.join(', ') })}
        </div>
      )}
      {c.shipments.map((s, i) => (
        <div key={s.sessionId ?? `s${i}`} className="shipment">
          {t('returns.shippedOn', { when: when(s.shippedAt, language), station: s.stationId ?? '—', count: s.parcels })}
          {s.packer && <> · {t('returns.shippedBy', { packer: s.packer })}</>}
        </div>
      ))}
      <ul className="candidate-lines">
        {c.lines.map((l) => (
          <li key={l.lineId}>
            {l.shipped}× {l.name} <span className="muted">({l.sku})</span>
            {l.returnedBefore > 0 && <span className="muted"> · {t('returns.returnedBefore', { count: l.returnedBefore })}</span>}
            {!l.returnable && <span className="tag warn"> {t('returns.nonReturnable')}</span>}
          </li>
        ))}
      </ul>
      {c.returns.length > 0 && (
        <div className="muted">
          {t('returns.earlierReturns', { list: c.returns.map((r) => `${r.number} (${t(`returns.typeShort.${r.type}`)})`).join(', ') })}
        </div>
      )}
    </li>
  );
}
