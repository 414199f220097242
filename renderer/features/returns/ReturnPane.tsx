import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnView } from '../../../src/contract/returns-schemas';
import { CONDITIONS, DISPOSITIONS, type Condition, type Disposition } from '../../../src/domain/returns';
import type { Language } from '../../../src/domain/user';
import { useStationStore } from '../../station/stationStore';
import { Deadline } from './Deadline';
import { formatAmount } from './deadlines';
import { useReturnsStore } from './returnsStore';
import { sentenceText } from './words';

type Item = ReturnView['items'][number];

function when(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language === 'pl' ? 'pl-PL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A return being handled: its deadline, what the rules say, what was shipped, each item and its grade, the decision. */
export function ReturnPane({ view }: { view: ReturnView }) {
  const { t } = useTranslation();
  const language = useStationStore((s) => s.language);
  const { lastScan, selectedItem, selectItem, missing, busy } = useReturnsStore();
  const open = view.status === 'open';
  const selected = view.items.find((i) => i.id === selectedItem) ?? null;
  const { eligibility } = view;

  return (
    <section className={`return-pane stage-${view.stage}`} data-testid="return-pane" data-number={view.number} data-stage={view.stage}>
      <div className="return-head">
        <h2>{t('returns.return', { number: view.number })}</h2>
        <span className="tag">{t(`returns.typeShort.${view.type}`)}</span>
        <span className="tag" data-testid="return-stage">
          {t(`returns.stage.${view.stage}`)}
        </span>
        <Deadline deadline={view.deadline} />
      </div>
      <p className="return-order">{t('returns.order', { number: view.orderNumber, customer: view.customerName })}</p>
      {view.deemedAccepted && <p className="notice error">{t('returns.deemedAccepted')}</p>}

      <div className={eligibility.eligible || eligibility.override ? 'eligibility ok' : 'eligibility refused'} data-testid="eligibility">
        <strong>{eligibility.eligible ? t('returns.eligible') : t('returns.notEligible')}</strong>
        {eligibility.window && (
          <span className="muted">
            {' '}
            · {t('returns.window', { ...eligibility.window, countedFrom: t(`returns.countedFrom.${eligibility.window.countedFrom}`) })}
          </span>
        )}
        {eligibility.refusals.map((s, i) => (
          <p key={`r${i}`} className="sentence refusal">
            {sentenceText(s.key, s.params, language)}
          </p>
        ))}
        {eligibility.warnings.map((s, i) => (
          <p key={`w${i}`} className="sentence warning">
            {sentenceText(s.key, s.params, language)}
          </p>
        ))}
        {eligibility.override && <p className="sentence">{t('returns.overridden', eligibility.override)}</p>}
      </div>

      {lastScan && (
        <p className={lastScan.outcome === 'matched' ? 'scan-result matched' : 'scan-result wrong'} role="status" data-testid="item-scan-result">
          {lastScan.outcome === 'matched'
            ? t('returns.matched', { name: view.items.find((i) => i.id === lastScan.itemId)?.name ?? '' })
            : t('returns.wrongItem', { code: lastScan.code })}
        </p>
      )}

      <h3>{t('returns.lines')}</h3>
      <table className="return-lines">
        <thead>
          <tr>
            <th>{t('returns.line.sku')}</th>
            <th>{t('returns.line.name')}</th>
            <th>{t('returns.line.shipped')}</th>
            <th>{t('returns.line.before')}</th>
            <th>{t('returns.line.now')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l) => (
            <tr key={l.lineId}>
              <td>{l.sku}</td>
              <td>
                {l.name}
                {!l.returnable && <span className="tag warn"> {t('returns.nonReturnable')}</span>}
              </td>
              <td>{l.shipped}</td>
              <td>{l.returnedBefore}</td>
              <td>{l.onThisReturn}</td>
              <td>
                {open && (
                  <button type="button" disabled={busy} onClick={() => void missing(l.lineId)} title={t('returns.missingOf', { name: l.name })}>
                    {t('returns.missing')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('returns.itemsTitle', { count: view.items.length })}</h3>
      {open && <p className="hint">{t('returns.scanItems')}</p>}
      {view.items.length === 0 ? (
        <p className="muted">{t('returns.noItems')}</p>
      ) : (
        <ul className="return-items">
          {view.items.map((item) => (
            <li
              key={item.id}
              className={item.id === selectedItem ? 'return-item selected' : 'return-item'}
              data-testid="return-item"
              data-condition={item.condition ?? ''}
            >
              <button type="button" className="link-row" onClick={() => selectItem(item.id)} aria-pressed={item.id === selectedItem}>
                <strong>{item.name ?? t('returns.unknownItem')}</strong> {item.sku && <span className="muted">({item.sku})</span>}
                {item.serial && <span className="muted"> · {item.serial}</span>}
                {' · '}
                {item.condition ? t(`returns.conditions.${item.condition}`) : <em>{t('returns.ungraded')}</em>}
                {item.disposition && <> → {t(`returns.dispositions.${item.disposition}`)}</>}
                {item.reasonCode && <span className="muted"> · {item.reasonCode}</span>}
                {item.attributedTo && <span className="tag warn"> {t('returns.attributed', { packer: item.attributedTo.packer })}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {open && selected && <GradeForm key={selected.id} item={selected} language={language} />}
      <p className="muted">{t('returns.photos', { count: view.photos.length })}</p>

      {view.decision && (
        <div className="decision" data-testid="decision">
          <p>{t('returns.decided', { who: view.decision.decidedBy, when: when(view.decision.decidedAt, language) })}</p>
          {view.decision.refund && (
            <p>{t('returns.refunded', { amount: formatAmount(view.decision.refund.amountMinor, view.decision.refund.currency, language) })}</p>
          )}
          {view.decision.outcome && <p>{t('returns.outcomeWas', { outcome: t(`returns.outcomes.${view.decision.outcome}`) })}</p>}
          {view.decision.reason && <p>{view.decision.reason}</p>}
          {view.shipments
            .filter((s) => s.packer)
            .map((s, i) => (
              <p key={i} data-testid="packer-after-decision">
                {t('returns.shippedBy', { packer: s.packer })}
              </p>
            ))}
        </div>
      )}
      {view.closedAt && <p className="notice">{t('returns.closed', { when: when(view.closedAt, language) })}</p>}
    </section>
  );
}

/** The selected item's grade: condition, disposition, reason code, note and the packing-error confirmation. */
function GradeForm({ item, language }: { item: Item; language: Language }) {
  const { t } = useTranslation();
  const { settings, grade, remove, busy, loadSettings } = useReturnsStore();
  const [condition, setCondition] = useState<Condition | ''>(item.condition ?? '');
  const [disposition, setDisposition] = useState<Disposition | ''>(item.disposition ?? item.suggestedDisposition ?? '');
  const [reasonCode, setReasonCode] = useState(item.reasonCode ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const [confirmed, setConfirmed] = useState(item.packingErrorConfirmed);
  useEffect(() => void loadSettings(), [loadSettings]);
  const reasons = settings?.reasonCodes.filter((r) => r.active || r.code === item.reasonCode) ?? [];
  const packingError = reasons.find((r) => r.code === reasonCode)?.packingError ?? false;

  return (
    <form
      className="grade-form"
      data-testid="grade-form"
      aria-label={t('returns.gradeTitle', { name: item.name ?? t('returns.unknownItem') })}
      onSubmit={(event) => {
        event.preventDefault();
        void grade(item.id, {
          ...(condition ? { condition } : {}),
          ...(disposition ? { disposition } : {}),
          reasonCode: reasonCode || null,
          note: note.trim() || null,
          packingErrorConfirmed: packingError && confirmed,
        });
      }}
    >
      <h4>{t('returns.gradeTitle', { name: item.name ?? t('returns.unknownItem') })}</h4>
      <label>
        {t('returns.item.condition')}
        <select name="condition" value={condition} onChange={(e) => setCondition(e.target.value as Condition)} autoFocus>
          <option value="">{t('returns.choose')}</option>
          {CONDITIONS.map((c) => (
            <option key={c} value={c}>
              {t(`returns.conditions.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('returns.item.disposition')}
        <select name="disposition" value={disposition} onChange={(e) => setDisposition(e.target.value as Disposition)}>
          <option value="">{t('returns.choose')}</option>
          {DISPOSITIONS.map((d) => (
            <option key={d} value={d}>
              {t(`returns.dispositions.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('returns.item.reason')}
        <select name="reason" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
          <option value="">{t('returns.noReason')}</option>
          {reasons.map((r) => (
            <option key={r.code} value={r.code}>
              {language === 'pl' ? r.pl : r.en}
            </option>
          ))}
        </select>
      </label>
      <label className="wide">
        {t('returns.item.note')}
        <input name="note" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} autoComplete="off" />
      </label>
      {packingError && (
        <label className="checkbox wide">
          <input type="checkbox" name="packing-error" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          {t('returns.packingError')}
        </label>
      )}
      <div className="dialog-actions wide">
        <button type="button" onClick={() => void remove(item.id)} disabled={busy}>
          {t('returns.removeItem')}
        </button>
        <button type="submit" className="primary" disabled={busy || !condition}>
          {t('returns.saveGrade')}
        </button>
      </div>
    </form>
  );
}
