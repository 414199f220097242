import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../src/contract/errors';
import type { UserSummary } from '../../../src/contract/schemas';
import { COMPLAINT_OUTCOMES, type ComplaintOutcome } from '../../../src/domain/returns';
import { roleAllows } from '../../../src/domain/user';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useScan } from '../../scanner/useScan';
import { useStationStore } from '../../station/stationStore';
import { parseAmount, typedAmount } from './deadlines';
import { useReturnsStore } from './returnsStore';
import { returnsErrorText } from './words';

function ErrorLine({ error }: { error: StationError | null }) {
  const { t } = useTranslation();
  const language = useStationStore((s) => s.language);
  if (!error) return null;
  return (
    <p className="notice error" role="alert">
      {returnsErrorText(t, error, language)}
    </p>
  );
}

/**
 * A manager allows a return the rules refuse, with a reason: a manager logged in allows it as
 * themselves; at a handler's screen the manager scans their badge, or picks their name and types the PIN.
 */
export function OverrideDialog() {
  const { t } = useTranslation();
  const { override, setDialog } = useReturnsStore();
  const login = useStationStore((s) => s.login);
  const own = login ? roleAllows(login.user.role, ['manager']) : false;
  const [reason, setReason] = useState('');
  const [managers, setManagers] = useState<UserSummary[]>([]);
  const [userId, setUserId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<StationError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const close = () => setDialog(null);

  useEffect(() => {
    if (own) return;
    void call('auth.users', {}).then((result) => result.ok && setManagers(result.value.filter((u) => roleAllows(u.role, ['manager']))));
  }, [own]);

  const approve = async (manager?: { badge: string } | { userId: number; pin: string }) => {
    if (reason.trim().length < 3) return setNote(t('returns.reasonShort'));
    setNote(null);
    const failed = await override(reason.trim(), manager);
    if (failed) {
      setError(failed);
      setPin('');
    }
  };
  useScan((badge) => void approve({ badge }));

  return (
    <Dialog title={t('returns.overrideTitle')} onClose={close} className="returns-dialog" testId="returns-override">
      <form
        className="override-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (own) void approve();
          else if (userId && pin) void approve({ userId: Number(userId), pin });
        }}
      >
        <label htmlFor="returns-override-reason">{t('returns.overrideReason')}</label>
        <textarea id="returns-override-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        {!own && (
          <>
            <p className="hint">{t('returns.overrideBadge')}</p>
            <div className="override-manager">
              <label>
                {t('returns.overrideManager')}
                <select value={userId} onChange={(e) => setUserId(e.target.value)}>
                  <option value="">{t('returns.choose')}</option>
                  {managers.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('returns.overridePin')}
                <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />
              </label>
            </div>
          </>
        )}
        {note && <p className="notice error">{note}</p>}
        <ErrorLine error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            {t('returns.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!own && (!userId || !pin)}>
            {own ? t('returns.overrideOwn') : t('returns.overrideSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The decision: a refund for a withdrawal, a refused parcel or an exchange; a complaint's outcome. */
export function DecideDialog() {
  const { t } = useTranslation();
  const { view, decide, setDialog, busy } = useReturnsStore();
  const complaint = view?.type === 'complaint';
  const language = useStationStore((s) => s.language);
  // The refund starts at what the customer paid for the accepted items; the handler may change it (journaled).
  const suggested = view?.suggestedRefund ?? null;
  const [amount, setAmount] = useState(suggested ? typedAmount(suggested.amountMinor, language) : '');
  const [currency, setCurrency] = useState(suggested?.currency ?? 'PLN');
  const [outcome, setOutcome] = useState<ComplaintOutcome>('repair');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<StationError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  if (!view) return null;
  const needsAmount = !complaint || outcome === 'refund' || outcome === 'price_reduction';

  const submit = async () => {
    let refund: { amountMinor: number; currency: string } | null = null;
    if (needsAmount && amount.trim() !== '') {
      const minor = parseAmount(amount);
      if (minor === null) return setNote(t('returns.amountInvalid'));
      refund = { amountMinor: minor, currency };
    }
    setNote(null);
    const failed = await decide({ refund, outcome: complaint ? outcome : null, reason: reason.trim() || null });
    setError(failed);
  };

  return (
    <Dialog title={t('returns.decideTitle', { number: view.number })} onClose={() => setDialog(null)} className="returns-dialog" testId="returns-decide">
      <form
        className="decide-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {complaint && (
          <fieldset>
            <legend>{t('returns.outcome')}</legend>
            {COMPLAINT_OUTCOMES.map((o) => (
              <label key={o} className="radio">
                <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} autoFocus={o === 'repair'} />
                {t(`returns.outcomes.${o}`)}
              </label>
            ))}
          </fieldset>
        )}
        {needsAmount && (
          <div className="amount-row">
            <label>
              {t('returns.refund')}
              <input name="amount" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} autoFocus={!complaint} />
            </label>
            <label>
              {t('returns.currency')}
              <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
                {['PLN', 'EUR', 'USD', 'GBP', 'CZK'].map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
            <p className="hint">{t('returns.refundHint')}</p>
          </div>
        )}
        {complaint && (
          <label>
            {t('returns.rejectReason')}
            <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} autoComplete="off" />
          </label>
        )}
        {note && <p className="notice error">{note}</p>}
        <ErrorLine error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={() => setDialog(null)}>
            {t('returns.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('returns.decideSubmit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** A parcel that matches nothing: the sender as the label gives them, the carrier and tracking number, a note. */
export function NotOursDialog() {
  const { t } = useTranslation();
  const { searched, recordNotOurs, setDialog, busy } = useReturnsStore();
  const [fields, setFields] = useState({ name: '', address: '', email: '', phone: '', carrier: '', tracking: '', scanned: searched ?? '', note: '' });
  const [error, setError] = useState<StationError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);

  // A scan here is the parcel's tracking number: it goes in that field, not to the desk.
  useScan((code) => setFields((f) => ({ ...f, tracking: code })));

  const submit = async () => {
    if (!fields.name.trim()) return setNote(t('returns.nameNeeded'));
    setNote(null);
    const sender = { name: fields.name.trim(), address: optional(fields.address), email: optional(fields.email), phone: optional(fields.phone) };
    const failed = await recordNotOurs({
      sender: Object.fromEntries(Object.entries(sender).filter(([, v]) => v !== undefined)) as typeof sender,
      ...Object.fromEntries((['carrier', 'tracking', 'scanned', 'note'] as const).map((k) => [k, optional(fields[k])]).filter(([, v]) => v !== undefined)),
    });
    setError(failed);
  };
  const field = (key: keyof typeof fields, label: string, props: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input name={key} value={fields[key]} onChange={set(key)} autoComplete="off" {...props} />
    </label>
  );

  return (
    <Dialog title={t('returns.notOursTitle')} onClose={() => setDialog(null)} className="returns-dialog" testId="returns-not-ours">
      <form
        className="not-ours-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {field('name', t('returns.sender.name'), { autoFocus: true, maxLength: 200 })}
        {field('address', t('returns.sender.address'), { maxLength: 500 })}
        {field('email', t('returns.sender.email'), { maxLength: 200 })}
        {field('phone', t('returns.sender.phone'), { maxLength: 50 })}
        {field('carrier', t('returns.carrier'), { maxLength: 60 })}
        {field('tracking', t('returns.tracking'), { maxLength: 100 })}
        {field('scanned', t('returns.scanned'), { maxLength: 200 })}
        {field('note', t('returns.note'), { maxLength: 1000 })}
        {note && <p className="notice error">{note}</p>}
        <ErrorLine error={error} />
        <div className="dialog-actions">
          <button type="button" onClick={() => setDialog(null)}>
            {t('returns.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('returns.record')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
