import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../src/domain/packing/verdict';
import { usePackStore } from './packStore';

/**
 * A stop: covers the screen until the packer acknowledges (Enter, Escape or the button). Scans
 * still reach the core meanwhile, which answers "acknowledge first" and journals the attempt.
 */
export function ErrorOverlay({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const acknowledge = usePackStore((s) => s.acknowledge);
  const outcome = usePackStore((s) => s.shown?.outcome ?? null);
  const button = useRef<HTMLButtonElement>(null);
  const repeated = outcome?.verdict === 'acknowledge_first';
  const item = outcome && outcome.verdict === verdict && outcome.name ? `${outcome.name} · ${outcome.sku}` : null;

  useEffect(() => {
    button.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== 'Escape') {
        // Shortcuts wait too: nothing else happens until the error is seen.
        if (/^F\d+$/.test(event.key)) event.preventDefault();
        if (/^F\d+$/.test(event.key)) event.stopPropagation();
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) void acknowledge();
    };
    // Capture phase: the key answers the overlay and must not also reach the screen behind it.
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [acknowledge]);

  return (
    <div className="error-overlay" data-testid="error-overlay">
      <div className="error-box" role="alert">
        <div className="error-title">{t(`pack.verdict.${verdict}`)}</div>
        {item && <div className="error-item">{item}</div>}
        <div className="error-help">{t(`pack.verdictHelp.${verdict}`)}</div>
        {repeated && <div className="error-repeat">{t('pack.verdict.acknowledge_first')} — {t('pack.verdictHelp.acknowledge_first')}</div>}
        <button ref={button} type="button" className="error-ack" onClick={() => void acknowledge()}>
          {t('pack.ack')}
        </button>
      </div>
    </div>
  );
}
