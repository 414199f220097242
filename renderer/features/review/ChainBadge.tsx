import { useTranslation } from 'react-i18next';
import type { ChainCheckView } from '../../../src/contract/review';

/** Whether the order's entries are still as written: intact to a signed checkpoint, unsigned yet, or broken and where. */
export function ChainBadge({ chain }: { chain: ChainCheckView }) {
  const { t, i18n } = useTranslation();
  const state = !chain.intact ? 'broken' : chain.checkpointSeq !== null ? 'signed' : 'unsigned';
  const at = chain.checkpointAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(chain.checkpointAt)) : '';
  const text =
    state === 'broken'
      ? t('review.chainBroken', { message: chain.message })
      : state === 'signed'
        ? t('review.chainIntact', { at, seq: chain.checkpointSeq })
        : t('review.chainUnsigned');
  return (
    <p
      className={`chain-badge chain-${state}`}
      data-testid="chain-badge"
      data-chain={state}
      role={state === 'broken' ? 'alert' : 'status'}
      title={chain.message}
    >
      <span aria-hidden="true">{state === 'broken' ? '✗' : '✓'}</span> {text}
    </p>
  );
}
