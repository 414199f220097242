import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationError } from '../../../src/contract/errors';
import type { UserSummary } from '../../../src/contract/schemas';
import { roleAllows } from '../../../src/domain/user';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../i18n/error-text';
import { useScan } from '../../scanner/useScan';
import { usePackStore } from './packStore';

type Kind = 'force_complete' | 'partial';
type Manager = { badge: string } | { userId: number; pin: string };

/**
 * A manager's say-so for a partial shipment or a force-complete: what, why, and who. The manager
 * scans their badge (it never lands in a field) or picks their name and types the PIN.
 */
export function OverrideDialog({ suggested }: { suggested: Kind }) {
  const { t } = useTranslation();
  const { act, setDialog } = usePackStore();
  const [kind, setKind] = useState<Kind>(suggested);
  const [reason, setReason] = useState('');
  const [managers, setManagers] = useState<UserSummary[]>([]);
  const [userId, setUserId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<StationError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const close = () => setDialog(null);

  useEffect(() => {
    void call('auth.users', {}).then((result) => result.ok && setManagers(result.value.filter((u) => roleAllows(u.role, ['manager']))));
  }, []);

  const approve = async (manager: Manager) => {
    if (reason.trim().length < 3) return setNote(t('pack.override.reasonShort'));
    setNote(null);
    const failed = await act('pack.override', { kind, reason: reason.trim(), manager }, 'override');
    if (failed) {
      setError(failed);
      setPin('');
    } else close();
  };

  useScan((badge) => void approve({ badge }));

  return (
    <Dialog title={t('pack.override.title')} onClose={close} className="pack-dialog" testId="override-dialog">
      <form
        className="override-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (userId && pin) void approve({ userId: Number(userId), pin });
        }}
      >
        <fieldset>
          <legend>{t('pack.override.kind')}</legend>
          {(['partial', 'force_complete'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="override-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`pack.override.${k}`)}
            </label>
          ))}
        </fieldset>
        <label htmlFor="override-reason">{t('pack.override.reason')}</label>
        <textarea id="override-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
        <p className="hint">{t('pack.override.scanBadge')}</p>
        <div className="override-manager">
          <label>
            {t('pack.override.manager')}
            <select id="override-manager" value={userId} onChange={(e) => setUserId(e.target.value)}>
              <option value="">{t('pack.override.choose')}</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('pack.override.pin')}
            <input id="override-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />
          </label>
        </div>
        {note && <p className="notice error">{note}</p>}
        {error && (
          <p className="notice error" role="alert">
            {errorText(t, error)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={close}>
            {t('pack.override.cancel')}
          </button>
          <button type="submit" disabled={!userId || !pin}>
            {t('pack.override.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
