import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintJobView } from '../../../src/contract/printing';
import { Dialog } from '../../components/Dialog';
import { errorText } from '../../i18n/error-text';
import { usePrintStore } from './printStore';
import { reasonText } from './reasons';

function JobRow({ job, manager }: { job: PrintJobView; manager: boolean }) {
  const { t } = useTranslation();
  const { retry, cancel, reprint } = usePrintStore();
  return (
    <tr data-testid="print-job" data-status={job.status}>
      <td>
        {t(`printing.kind.${job.documentKind}`)}
        {job.parcelIndex !== null && ` (${t('printing.parcel', { n: job.parcelIndex })})`}
      </td>
      <td>{job.orderNumber ?? ''}</td>
      <td>{job.target}</td>
      <td className={`print-status print-status-${job.status}`}>
        {t(`printing.status.${job.status}`)}
        {job.status === 'failed' && <div className="print-reason">{reasonText(t, job.reason, job.target, manager)}</div>}
        {job.resent && <div className="print-reason">{t('printing.panel.resent')}</div>}
      </td>
      <td>{job.attempts}</td>
      <td className="print-actions">
        {job.status === 'failed' && (
          <button type="button" onClick={() => void retry(job.id)}>
            {t('printing.panel.retry')}
          </button>
        )}
        {(job.status === 'failed' || job.status === 'queued') && (
          <button type="button" onClick={() => void cancel(job.id)}>
            {t('printing.panel.cancel')}
          </button>
        )}
        <button type="button" onClick={() => void reprint(job.documentId)}>
          {t('printing.panel.reprint')}
        </button>
      </td>
    </tr>
  );
}

/** The station's print queue with retry, cancel and reprint, and the documents of any order. */
export function PrintPanel({ manager, lastOrder }: { manager: boolean; lastOrder: string | null }) {
  const { t } = useTranslation();
  const { view, queue, orderDocuments, notice, error, close, open, findOrder, reprint, printOwed } = usePrintStore();
  const [copied, setCopied] = useState(false);
  const [code, setCode] = useState(lastOrder ?? '');
  const closeButton = useRef<HTMLButtonElement>(null);
  if (view !== 'queue') return null;
  return (
    <Dialog title={t('printing.panel.title')} onClose={close} className="print-panel" initialFocus={closeButton}>
      {notice && <p className="notice ok">{t(`printing.panel.${notice}`)}</p>}
      {error && (
        <p className="notice error">
          {/* A manager gets the core's own sentence (which printer, which document) and the way to fix it. */}
          {manager && error.code === 'PRINTER_NOT_SET_UP' ? `${error.message} ${t('printing.reason.noPrinterManager')}` : errorText(t, error)}
        </p>
      )}
      {queue?.printers.pdfFolder && (
        <p className="print-folder" data-testid="print-folder">
          {t('printing.panel.pdfFolder')} <code>{queue.printers.pdfFolder}</code>{' '}
          <button
            type="button"
            onClick={() => {
              const folder = queue.printers.pdfFolder ?? '';
              void navigator.clipboard?.writeText(folder).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? t('printing.panel.copied') : t('printing.panel.copyPath')}
          </button>
        </p>
      )}
      {queue && queue.owed.length > 0 && (
        <>
          <h3>{t('printing.panel.owedTitle')}</h3>
          <ul className="print-owed">
            {queue.owed.map((o) => (
              <li key={o.id} data-testid="print-owed">
                {o.orderNumber} · {t(`printing.kind.${o.kind}`)} · {t(`printing.status.${o.status}`)}
                {o.reason && <span className="print-reason"> — {reasonText(t, o.reason, '', manager)}</span>}
                {manager && o.status === 'kept' && (
                  <button type="button" onClick={() => void printOwed(o.id)}>
                    {t('printing.panel.printOwed')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {queue && queue.jobs.length === 0 ? (
        <p>{t('printing.panel.empty')}</p>
      ) : (
        <table className="print-jobs">
          <thead>
            <tr>
              <th>{t('printing.panel.document')}</th>
              <th>{t('printing.panel.order')}</th>
              <th>{t('printing.panel.printer')}</th>
              <th>{t('printing.panel.status')}</th>
              <th>{t('printing.panel.attempts')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {queue?.jobs.map((job) => (
              <JobRow key={job.id} job={job} manager={manager} />
            ))}
          </tbody>
        </table>
      )}
      <form
        className="print-order"
        onSubmit={(event) => {
          event.preventDefault();
          void findOrder(code);
        }}
      >
        <label htmlFor="print-order-code">{t('printing.panel.orderLabel')}</label>
        <input id="print-order-code" value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" />
        <button type="submit">{t('printing.panel.find')}</button>
      </form>
      {orderDocuments && (
        <ul className="print-documents" aria-label={t('printing.panel.orderDocuments')}>
          {orderDocuments.documents.length === 0 && <li>{t('printing.panel.noDocuments', { order: orderDocuments.orderNumber })}</li>}
          {orderDocuments.documents.map((d) => (
            <li key={d.id} data-testid="order-document">
              {t(`printing.kind.${d.kind}`)}
              {d.parcelIndex !== null && ` (${t('printing.parcel', { n: d.parcelIndex })})`} · {d.format.toUpperCase()} ·{' '}
              {d.createdAt.slice(0, 16).replace('T', ' ')}
              <button type="button" onClick={() => void reprint(d.id)}>
                {t('printing.panel.reprint')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        {manager && (
          <button type="button" onClick={() => open('settings')}>
            {t('printing.panel.settings')}
          </button>
        )}
        <button ref={closeButton} type="button" className="primary" onClick={close}>
          {t('printing.panel.close')}
        </button>
      </div>
    </Dialog>
  );
}
