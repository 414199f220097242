import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../src/domain/packing/verdict';
import { functionKeys, type KeyPress } from '../../keyboard/router';
import { useKeys } from '../../keyboard/useKeys';
import { usePackStore } from './packStore';
import { scannedText, verdictHelp } from './verdicts';

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
  const own = outcome?.verdict === verdict ? outcome : null;
  const item = own ? scannedText(t, own) : null;

  useEffect(() => button.current?.focus(), []);

  // The overlay holds the keys as a dialog does: Enter or Escape answers it, the screen behind
  // waits. F-keys do nothing at all until the error is seen.
  const answer = (press: KeyPress) => {
    if (!press.repeat) void acknowledge();
  };
  useKeys('dialog', { ...functionKeys(() => true), Enter: answer, Escape: answer });

  return (
    <div className="error-overlay" data-testid="error-overlay">
      <div className="error-box" role="alert">
        <div className="error-title">{t(`pack.verdict.${verdict}`)}</div>
        {item && <div className="error-item">{item}</div>}
        <div className="error-help">{own ? verdictHelp(t, own) : t(`pack.verdictHelp.${verdict}`)}</div>
        {repeated && (
          <div className="error-repeat">
            {t('pack.verdict.acknowledge_first')} — {t('pack.verdictHelp.acknowledge_first')}
          </div>
        )}
        <button ref={button} type="button" className="error-ack" onClick={() => void acknowledge()}>
          {t('pack.ack')}
        </button>
      </div>
    </div>
  );
}
