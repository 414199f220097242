import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CARRIER_ACCOUNT_KINDS, type CarrierAccount, type CarrierAccountKind } from '../../../src/contract/carriers';
import type { MethodInput } from '../../../src/contract/methods';
import { FormRow } from '../../components/FormRow';
import { errorText } from '../../i18n/error-text';
import { useCarriersStore, type CarriersNotice } from './carriersStore';

type Draft = { url: string; organizationId: string; login: string; masterFid: string; courierCode: string; name: string; labelFormat: string; secret: string };
const EMPTY: Draft = { url: '', organizationId: '', login: '', masterFid: '', courierCode: '', name: '', labelFormat: 'zpl', secret: '' };

/** Which fields each carrier's account asks for (src/contract/carriers.ts). */
const FIELDS: Record<CarrierAccountKind, (keyof Draft)[]> = {
  inpost: ['url', 'organizationId', 'labelFormat', 'secret'],
  'poczta-polska': ['url', 'login', 'labelFormat', 'secret'],
  dpd: ['url', 'login', 'masterFid', 'labelFormat', 'secret'],
  baselinker: ['courierCode'],
  own: ['name', 'labelFormat'],
};

function draftOf(account: CarrierAccount | undefined): Draft {
  if (!account) return EMPTY;
  const a = account as Partial<Record<string, unknown>>;
  const text = (k: string) => (a[k] === undefined || a[k] === null ? '' : String(a[k]));
  return { ...EMPTY, ...Object.fromEntries(Object.keys(EMPTY).map((k) => [k, text(k)])), labelFormat: text('labelFormat') || 'pdf', secret: '' } as Draft;
}

/** The account as the contract takes it: only the kind's own fields, empty ones left to their defaults. */
function accountOf(kind: CarrierAccountKind, d: Draft, enabled: boolean): MethodInput<'carriers.accounts.set'>['account'] {
  const url = d.url.trim() ? { url: d.url.trim() } : {};
  const labelFormat = d.labelFormat as 'pdf' | 'zpl';
  switch (kind) {
    case 'inpost':
      return { kind, enabled, ...url, organizationId: d.organizationId.trim(), labelFormat: d.labelFormat as 'pdf' | 'zpl' | 'epl' };
    case 'poczta-polska':
      return { kind, enabled, ...url, login: d.login.trim(), labelFormat };
    case 'dpd':
      return { kind, enabled, ...url, login: d.login.trim(), masterFid: Number(d.masterFid), labelFormat: d.labelFormat as 'pdf' | 'zpl' | 'epl' };
    case 'baselinker':
      return { kind, enabled, courierCode: d.courierCode.trim() };
    case 'own':
      return { kind, enabled, ...(d.name.trim() ? { name: d.name.trim() } : {}), labelFormat };
  }
}

function NoticeLine({ notice }: { notice: CarriersNotice }) {
  const { t } = useTranslation();
  const carrier = t(`carriers.names.${notice.carrier}`);
  const text =
    notice.kind === 'tested'
      ? t('carriers.tested', { carrier, account: notice.account })
      : notice.kind === 'saved'
        ? t('carriers.saved', { carrier })
        : t('carriers.handedOver', {
            carrier,
            manifest: notice.manifest,
            parcels: t('carriers.parcels', { count: notice.parcels }),
            printed: notice.notPrinted ? t('carriers.notPrinted', { reason: notice.notPrinted }) : t('carriers.printed'),
          });
  return (
    <p className={`notice ${notice.kind === 'handedOver' && notice.notPrinted ? 'error' : 'ok'}`} role="status" data-testid="carriers-notice">
      {text}
    </p>
  );
}

/**
 * The manager's carriers: each account with its state, a stored secret said but never shown, a
 * connection test, enable or disable, and the end-of-day handover of the parcels waiting for it;
 * below, one form to add or change an account. Every control is a native one: Tab and Enter do all.
 */
export function CarriersPanel() {
  const { t } = useTranslation();
  const { accounts, waiting, busy, error, notice, load, save, test, handover } = useCarriersStore();
  const [kind, setKind] = useState<CarrierAccountKind>('inpost');
  const [draft, setDraft] = useState<Draft>(EMPTY);
  useEffect(() => void load(), [load]);
  const existing = accounts.find((a) => a.account.kind === kind);
  useEffect(() => setDraft(draftOf(existing?.account)), [existing]);
  const field = (name: keyof Draft, label: string, type = 'text') => (
    <FormRow className="field" key={name} label={label}>
      <input
        name={name}
        type={type}
        value={draft[name]}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </FormRow>
  );
  return (
    <section className="console-panel carriers-panel" aria-labelledby="carriers-title">
      <h2 id="carriers-title">{t('carriers.accounts')}</h2>
      {error && (
        <p className="notice error" role="alert" data-testid="carriers-error">
          {errorText(t, error)}
        </p>
      )}
      {notice && !error && <NoticeLine notice={notice} />}
      {accounts.length === 0 ? (
        <p className="hint">{t('carriers.none')}</p>
      ) : (
        <div className="console-table">
          <table data-testid="carrier-accounts">
            <thead>
              <tr>
                <th scope="col">{t('carriers.kind')}</th>
                <th scope="col">{t('carriers.state')}</th>
                <th scope="col">{t('carriers.secret')}</th>
                <th scope="col">{t('carriers.waiting')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {accounts.map(({ account, hasSecret }) => {
                const parcels = waiting.find((w) => w.kind === account.kind)?.parcels ?? 0;
                const name = t(`carriers.names.${account.kind}`);
                return (
                  <tr key={account.kind} data-testid="carrier-account" data-kind={account.kind} data-enabled={account.enabled}>
                    <th scope="row">{name}</th>
                    <td>{account.enabled ? t('carriers.enabled') : t('carriers.disabled')}</td>
                    <td>{hasSecret ? t('carriers.secretKept') : t('carriers.secretMissing')}</td>
                    <td>{t('carriers.parcels', { count: parcels })}</td>
                    <td className="row-actions">
                      <button type="button" disabled={busy} onClick={() => void test(account.kind)}>
                        {t('carriers.test')}
                      </button>
                      <button type="button" disabled={busy} onClick={() => void save({ account: { ...account, enabled: !account.enabled } })}>
                        {account.enabled ? t('carriers.disable') : t('carriers.enable')}
                      </button>
                      <button type="button" className="primary" disabled={busy || parcels === 0} onClick={() => void handover(account.kind)}>
                        {t('carriers.handover')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="carriers-form"
        aria-labelledby="carriers-add"
        onSubmit={(e) => {
          e.preventDefault();
          const secret = draft.secret.trim();
          void save({ account: accountOf(kind, draft, existing?.account.enabled ?? true), ...(secret ? { secret } : {}) }).then((ok) => {
            if (ok) setDraft((d) => ({ ...d, secret: '' }));
          });
        }}
      >
        <h3 id="carriers-add">{t('carriers.add')}</h3>
        <FormRow className="field" label={t('carriers.kind')}>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as CarrierAccountKind)}>
            {CARRIER_ACCOUNT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`carriers.names.${k}`)}
              </option>
            ))}
          </select>
        </FormRow>
        {FIELDS[kind].map((name) =>
          name === 'labelFormat' ? (
            <FormRow className="field" key={name} label={t('carriers.labelFormat')}>
              <select name="labelFormat" value={draft.labelFormat} onChange={(e) => setDraft({ ...draft, labelFormat: e.target.value })}>
                {(kind === 'inpost' || kind === 'dpd' ? ['pdf', 'zpl', 'epl'] : ['pdf', 'zpl']).map((f) => (
                  <option key={f} value={f}>
                    {f.toUpperCase()}
                  </option>
                ))}
              </select>
            </FormRow>
          ) : name === 'secret' ? (
            <div key={name}>
              {field('secret', t('carriers.secret'), 'password')}
              <p className="hint">{t('carriers.secretHint')}</p>
            </div>
          ) : (
            field(name, t(`carriers.${name}`))
          ),
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('carriers.save')}
        </button>
      </form>
    </section>
  );
}
