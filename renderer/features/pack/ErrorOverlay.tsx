import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../src/domain/packing/verdict';
import { functionKeys, type KeyPress } from '../../keyboard/router';
import { useKeys } from '../../keyboard/useKeys';
import { afterNextPaint } from '../../components/afterPaint';
import { usePackStore } from './packStore';
import { scannedText, verdictHelp } from './verdicts';

/**
 * A stop: covers the screen until the packer acknowledges (Enter, Escape or the button). Scans
 * still reach the core meanwhile, which answers "acknowledge first" and journals the attempt.
 *
 * The red cover stays in the page while an order is open, hidden between stops, on a layer of its
 * own with strict containment: a stop then lays out and paints the cover alone, not the whole
 * screen under it (docs/benchmarks.md, "The stop's frame"). Its box, keys and focus exist only
 * while a stop is shown.
 */
export function ErrorOverlay() {
  // Follows the stop alone, so a stop renders the cover and not the screen under it.
  const verdict = usePackStore((s) => (s.view?.pending?.kind === 'error' ? s.view.pending.verdict : null));
  return (
    <div className={verdict ? 'error-overlay open' : 'error-overlay'} data-testid="error-overlay">
      {verdict && <StopBox verdict={verdict} />}
    </div>
  );
}

function StopBox({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const acknowledge = usePackStore((s) => s.acknowledge);
  const outcome = usePackStore((s) => s.shown?.outcome ?? null);
  const button = useRef<HTMLButtonElement>(null);
  const repeated = outcome?.verdict === 'acknowledge_first';
  const own = outcome?.verdict === verdict ? outcome : null;
  const item = own ? scannedText(t, own) : null;

  // The button takes the focus once the stop is on screen: focus() brings style and layout up to
  // date at once, so called in the commit it laid the whole page out before the verdict's frame
  // (about 2–3 ms of every stop, docs/benchmarks.md). The keys are the overlay's meanwhile
  // (useKeys below), so nothing waits for the focus.
  useEffect(() => {
    let open = true;
    afterNextPaint(() => {
      if (open) button.current?.focus();
    });
    return () => {
      open = false;
    };
  }, []);

  // The overlay holds the keys as a dialog does: Enter or Escape answers it, the screen behind
  // waits. F-keys do nothing at all until the error is seen.
  const answer = (press: KeyPress) => {
    if (!press.repeat) void acknowledge();
  };
  useKeys('dialog', { ...functionKeys(() => true), Enter: answer, Escape: answer });

  return (
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
  );
}
