import type { DocumentOwedView, PrintJobView } from '../../contract/printing';
import type { DocumentRequestItem } from '../ports/document-requests';
import type { StoredDocument } from '../ports/documents';
import type { PrintJob } from '../ports/printing';

export function toJobView(job: PrintJob, document: StoredDocument | null): PrintJobView {
  return {
    id: job.id,
    documentId: job.documentId,
    documentKind: job.documentKind,
    orderNumber: document?.orderNumber ?? null,
    parcelIndex: document?.parcelIndex ?? null,
    printerKind: job.printerKind,
    target: job.target,
    format: job.format,
    status: job.status,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    reason: job.lastError,
    nextAttemptAt: job.nextAttemptAt,
    resent: job.resent,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  };
}

export function toOwedView(item: DocumentRequestItem): DocumentOwedView {
  return {
    id: item.id,
    orderNumber: item.orderNumber,
    kind: item.kind,
    parcelIndex: item.parcelIndex,
    status: item.status,
    attempts: item.attempts,
    reason: item.lastError,
    sscc: item.sscc,
  };
}
