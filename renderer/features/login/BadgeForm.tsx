import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoginStore } from './loginStore';

/** The big "scan your badge" face, with a field for typing the code when there is no scanner. */
export function BadgeForm({ onBadge }: { onBadge: (badge: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [badge, setBadge] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const busy = useLoginStore((s) => s.busy);
  const showPin = useLoginStore((s) => s.showPin);

  useEffect(() => input.current?.focus(), []);

  const submit = async () => {
    const code = badge;
    setBadge('');
    await onBadge(code);
    input.current?.focus();
  };

  return (
    <section className="badge-form" aria-labelledby="badge-title">
      <div className="badge-icon" aria-hidden="true">
        <span />
      </div>
      <h1 id="badge-title">{t('login.scanTitle')}</h1>
      <p className="hint">{busy ? t('login.loggingIn') : t('login.scanHint')}</p>
      <form
        className="badge-entry"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <label htmlFor="badge-code">{t('login.badgeLabel')}</label>
        <div className="entry-row">
          <input
            id="badge-code"
            ref={input}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={badge}
            onChange={(event) => setBadge(event.target.value)}
          />
          <button type="submit" disabled={busy || badge.trim() === ''}>
            {t('login.submit')}
          </button>
        </div>
        <p className="hint small">{t('login.badgeHint')}</p>
      </form>
      <button type="button" className="link-button" onClick={() => void showPin()}>
        {t('login.choosePin')}
      </button>
    </section>
  );
}
