import { useTranslation } from 'react-i18next';
import { busyCount, troubles, usePrintStore } from './printStore';
import { reasonText } from './reasons';

/** A small status in the corner of the queue and packing screens: green, busy, or red with the reason. */
export function PrintIndicator({ manager }: { manager: boolean }) {
  const { t } = useTranslation();
  const queue = usePrintStore((s) => s.queue);
  const open = usePrintStore((s) => s.open);
  const failed = troubles(queue);
  const busy = busyCount(queue);
  // "Ready" only when every document this station prints has a printer it can use.
  const missing = queue?.printers.missing ?? [];
  const state = failed.length > 0 ? 'failed' : busy > 0 ? 'busy' : missing.length > 0 ? 'unset' : 'ok';
  const first = failed[0];
  return (
    <button
      type="button"
      className={`print-indicator print-${state}`}
      data-testid="print-indicator"
      data-state={state}
      aria-label={t('printing.indicator.open')}
      aria-live="polite"
      onClick={() => open('queue')}
    >
      <span className="print-dot" aria-hidden="true" />
      {state === 'failed' && first ? (
        <span>
          <strong>{t('printing.indicator.failed', { count: failed.length })}</strong> — {reasonText(t, first.reason, first.target, manager)}
        </span>
      ) : state === 'busy' ? (
        <span>{t('printing.indicator.busy', { count: busy })}</span>
      ) : state === 'unset' ? (
        <span>{t('printing.indicator.unset', { kinds: missing.map((k) => t(`printing.kind.${k}`)).join(', ') })}</span>
      ) : (
        <span>{t('printing.indicator.idle')}</span>
      )}
    </button>
  );
}
