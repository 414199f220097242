import { useTranslation } from 'react-i18next';
import type { UnprintedLabelView } from '../../../src/contract/printing';
import { labelFaultText } from '../pack/labelText';

/** So many are named; the rest are counted, so the queue below stays in view. */
const NAMED = 3;

/**
 * Orders shipped from this station whose label has not printed, above the queue until it does:
 * their parcels are on the table without a label. Not an alert role: it is a standing list, and
 * the screen's alerts are the refusals the packer answers.
 */
export function UnprintedLabels({ labels }: { labels: UnprintedLabelView[] }) {
  const { t } = useTranslation();
  if (labels.length === 0) return null;
  const more = labels.length - NAMED;
  return (
    <section className="unprinted-labels" aria-labelledby="unprinted-labels-title" data-testid="labels-not-printed">
      <h2 id="unprinted-labels-title">{t('queue.labels.title', { count: labels.length })}</h2>
      <ul>
        {labels.slice(0, NAMED).map((label) => (
          <li key={label.orderNumber} data-order={label.orderNumber}>
            <strong className="order-number">{label.orderNumber}</strong> {label.customerName} — {labelFaultText(t, label)}
          </li>
        ))}
      </ul>
      {more > 0 && <p>{t('queue.labels.more', { count: more })}</p>}
      <p className="small">{t('queue.labels.hint')}</p>
    </section>
  );
}
