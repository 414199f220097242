import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardPrinter } from '../../../src/contract/admin';
import { LANGUAGES, ROLES, type Language, type Role } from '../../../src/domain/user';
import { FormRow } from '../../components/FormRow';
import { errorText } from '../../i18n/error-text';
import { useStationStore } from '../../station/stationStore';
import { useAdminStore } from './adminStore';
import { CardReady } from './CardReady';

/** Everyone who may log in: add, change role or language, reset a PIN, issue a badge card, switch off. */
export function PeoplePanel() {
  const { t } = useTranslation();
  const { users, saving, error, saved, card, loadUsers, addUser, updateUser, resetPin, newBadge } = useAdminStore();
  const me = useStationStore((s) => s.login?.user.id);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('packer');
  const [language, setLanguage] = useState<'' | Language>('');
  const [pin, setPin] = useState('');
  const [cardTo, setCardTo] = useState<'' | CardPrinter>('label');
  const [pinFor, setPinFor] = useState<Record<number, string>>({});
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void loadUsers();
    first.current?.focus();
  }, [loadUsers]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await addUser({ name, role, language: language || null, pin, card: cardTo || null })) {
      setName('');
      setPin('');
    }
  };

  return (
    <section className="console-panel" aria-labelledby="people-title">
      <h2 id="people-title">{t('console.users.title')}</h2>
      <form className="console-form journal-filters" onSubmit={(e) => void submit(e)} aria-label={t('console.users.add')}>
        <FormRow label={t('console.users.name')}>
          <input ref={first} name="name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required minLength={2} />
        </FormRow>
        <FormRow label={t('console.users.role')}>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow label={t('console.users.language')}>
          <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as '' | Language)}>
            <option value="">{t('console.users.stationLanguage')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </FormRow>
        <FormRow label={t('console.users.pin')}>
          <input name="pin" value={pin} onChange={(e) => setPin(e.target.value)} inputMode="numeric" pattern="\d{4,8}" autoComplete="off" required />
        </FormRow>
        <FormRow label={t('console.users.card')}>
          <select name="card" value={cardTo} onChange={(e) => setCardTo(e.target.value as '' | CardPrinter)}>
            <option value="label">{t('console.users.cardLabel')}</option>
            <option value="a4">{t('console.users.cardA4')}</option>
            <option value="">{t('console.users.cardNone')}</option>
          </select>
        </FormRow>
        <button type="submit" className="primary" disabled={saving}>
          {t('console.users.add')}
        </button>
      </form>
      {error && (
        <p className="notice error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {saved && !error && !card && (
        <p className="notice ok" role="status">
          {t(`console.saved.${saved}`)}
        </p>
      )}
      {card && <CardReady card={card} />}
      <div className="console-table">
        <table data-testid="people">
          <thead>
            <tr>
              <th scope="col">{t('console.users.name')}</th>
              <th scope="col">{t('console.users.role')}</th>
              <th scope="col">{t('console.users.language')}</th>
              <th scope="col">{t('console.users.newPin')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-testid="person" data-name={user.name} className={user.active ? undefined : 'inactive'}>
                <td>
                  {user.name}
                  {!user.active && ` (${t('console.users.off')})`}
                </td>
                <td>
                  <select
                    aria-label={t('console.users.roleOf', { name: user.name })}
                    value={user.role}
                    disabled={user.id === me}
                    onChange={(e) => void updateUser({ userId: user.id, role: e.target.value as Role })}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t('console.users.languageOf', { name: user.name })}
                    value={user.language ?? ''}
                    onChange={(e) => void updateUser({ userId: user.id, language: (e.target.value || null) as Language | null })}
                  >
                    <option value="">{t('console.users.stationLanguage')}</option>
                    {LANGUAGES.map((l) => (
                      <option key={l} value={l}>
                        {t(`language.${l}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void resetPin(user.id, pinFor[user.id] ?? '').then((done) => done && setPinFor({ ...pinFor, [user.id]: '' }));
                    }}
                  >
                    <input
                      aria-label={t('console.users.pinOf', { name: user.name })}
                      value={pinFor[user.id] ?? ''}
                      onChange={(e) => setPinFor({ ...pinFor, [user.id]: e.target.value })}
                      inputMode="numeric"
                      pattern="\d{4,8}"
                      size={8}
                      autoComplete="off"
                    />
                    <button type="submit" disabled={saving || !(pinFor[user.id] ?? '')}>
                      {t('console.users.resetPin')}
                    </button>
                  </form>
                </td>
                <td>
                  <button type="button" disabled={saving || !cardTo} onClick={() => void (cardTo && newBadge(user.id, user.name, cardTo))}>
                    {t('console.users.badge')}
                  </button>{' '}
                  {user.id !== me && (
                    <button type="button" disabled={saving} onClick={() => void updateUser({ userId: user.id, active: !user.active })}>
                      {user.active ? t('console.users.switchOff') : t('console.users.switchOn')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
