import './review.css';
import { useTranslation } from 'react-i18next';
import { useReviewStore } from './reviewStore';

/** The managers' way into the review from the queue; packers never see it. */
export function ReviewEntry() {
  const { t } = useTranslation();
  const open = useReviewStore((s) => s.open);
  return (
    <button type="button" className="review-entry" onClick={open} data-testid="open-review">
      {t('review.open')}
    </button>
  );
}
