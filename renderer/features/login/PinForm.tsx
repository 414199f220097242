import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentLogin } from '../../../src/contract/schemas';
import { useLoginStore } from './loginStore';

/** Name list, then PIN: every step reachable with Tab, arrows, Enter and Escape. */
export function PinForm({ onLogin }: { onLogin: (login: CurrentLogin | null) => void }) {
  const { t } = useTranslation();
  const { users, chosenUser, busy } = useLoginStore();
  const { choose, withPin, showBadge } = useLoginStore();
  const [pin, setPin] = useState('');
  const pinInput = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (chosenUser) pinInput.current?.focus();
    else list.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [chosenUser, users]);

  const moveFocus = (event: React.KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
    next?.focus();
    event.preventDefault();
  };

  const badge = useLoginStore((s) => s.badge);
  const back = () => {
    setPin('');
    if (chosenUser && !badge) choose(null);
    else showBadge();
  };

  if (chosenUser) {
    return (
      <section className="pin-form" onKeyDown={(e) => e.key === 'Escape' && back()}>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const entered = pin;
            setPin('');
            onLogin(await withPin(entered));
            pinInput.current?.focus();
          }}
        >
          <label htmlFor="pin" className="pin-label">
            {t('login.pinLabel', { name: chosenUser.name })}
          </label>
          <div className="entry-row">
            <input
              id="pin"
              ref={pinInput}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onChange={(event) => setPin(event.target.value)}
            />
            <button type="submit" disabled={busy || pin === ''}>
              {t('login.submit')}
            </button>
          </div>
        </form>
        <button type="button" className="link-button" onClick={back}>
          {badge ? t('login.backToBadge') : t('login.chooseName')}
        </button>
      </section>
    );
  }

  return (
    <section className="pin-form" onKeyDown={(e) => e.key === 'Escape' && back()}>
      <h1>{t('login.chooseName')}</h1>
      {users.length === 0 && <p className="hint">{t('login.noUsers')}</p>}
      <ul className="user-list" ref={list} onKeyDown={moveFocus}>
        {users.map((user) => (
          <li key={user.id}>
            <button type="button" onClick={() => choose(user)}>
              <span className="user-name">{user.name}</span>
              <span className="user-role">{t(`roles.${user.role}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={back}>
        {t('login.backToBadge')}
      </button>
    </section>
  );
}
