import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pdfUrl, useAdminStore, type IssuedCard } from './adminStore';

/** A badge or box label just made: the code (said once, for a badge) and the card to print, or the print job it went to. */
export function CardReady({ card }: { card: IssuedCard }) {
  const { t } = useTranslation();
  const clear = useAdminStore((s) => s.clearCard);
  const url = useMemo(() => (card.pdf ? pdfUrl(card.pdf) : null), [card.pdf]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return (
    <div className="notice ok card-ready" role="status" data-testid="card-ready">
      <p>
        {card.badge ? t('console.users.badgeReady', { name: card.title }) : t('console.boxes.labelReady', { name: card.title })}{' '}
        {card.badge && (
          <code className="issued-badge" data-testid="issued-badge">
            {card.badge}
          </code>
        )}
      </p>
      {card.printJobId !== null && <p data-testid="card-sent">{t('console.users.cardSent', { job: card.printJobId })}</p>}
      <p>
        {url && (
          <a href={url} target="_blank" rel="noreferrer" download={`${card.badge ?? card.title}.pdf`}>
            {t('console.printCard')}
          </a>
        )}{' '}
        <button type="button" onClick={clear}>
          {t('console.done')}
        </button>
      </p>
      {card.badge && <p className="hint">{t('console.users.badgeOnce')}</p>}
    </div>
  );
}
