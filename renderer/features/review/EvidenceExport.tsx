import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../../api/client';
import { useReviewStore } from './reviewStore';

/** Builds the order's evidence package at the station and offers it for download. */
export function EvidenceExport() {
  const { t } = useTranslation();
  const { exporting, evidence, exportEvidence } = useReviewStore();
  return (
    <div className="review-evidence">
      <button type="button" className="primary" data-testid="export-evidence" onClick={() => void exportEvidence()} disabled={exporting}>
        {exporting ? t('review.exporting') : t('review.evidence')}
      </button>
      {evidence && (
        <p className="notice ok" data-testid="evidence-ready">
          {t('review.exported', { file: evidence.file })}{' '}
          <a href={mediaUrl('evidence', evidence.file)} download={evidence.file} data-testid="evidence-download">
            {t('review.download')} ({Math.ceil(evidence.bytes / 1024)} kB)
          </a>
          <span className="evidence-sha" title="SHA-256">
            SHA-256 {evidence.sha256.slice(0, 16)}…
          </span>
        </p>
      )}
    </div>
  );
}
