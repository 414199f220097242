import type { LabelStatusView, UnprintedLabelView } from '../../contract/printing';
import type { HandlerSlice } from '../handlers';
import type { DocumentRequestRepository, LabelPrint } from '../ports/document-requests';

type LabelOutcome = Pick<LabelStatusView, 'state' | 'fault' | 'reason' | 'target'>;

/**
 * How one label's printing went. A job that failed once has not printed, even while it is retried:
 * the parcel is on the table without its label until the printer is fixed.
 */
function outcomeOf(label: LabelPrint): LabelOutcome {
  const quiet = { fault: null, reason: null, target: null };
  if (label.printed) return { state: 'printed', ...quiet };
  if (label.status === 'pending')
    return label.reason === null ? { state: 'printing', ...quiet } : { state: 'not_printed', fault: 'not_made', reason: label.reason, target: null };
  if (label.status === 'kept' || label.job === null) return { state: 'not_printed', fault: 'no_printer', reason: label.reason, target: null };
  if (label.job.status === 'cancelled') return { state: 'not_printed', fault: 'cancelled', reason: label.job.lastError, target: label.job.target };
  if (label.job.lastError !== null) return { state: 'not_printed', fault: 'printer_failed', reason: label.job.lastError, target: label.job.target };
  return { state: 'printing', ...quiet };
}

/** An order's labels together: not printed if any parcel's did not, printed once every one did. */
export function labelStatus(orderNumber: string, labels: LabelPrint[]): LabelStatusView {
  if (labels.length === 0) return { orderNumber, state: 'none', fault: null, reason: null, target: null, parcels: [] };
  const outcomes = labels.map((label) => ({ label, outcome: outcomeOf(label) }));
  const failed = outcomes.filter((o) => o.outcome.state === 'not_printed');
  if (failed.length > 0) {
    const parcels = failed.map((o) => o.label.parcelIndex).filter((p): p is number => p !== null);
    return { orderNumber, ...failed[0]!.outcome, parcels };
  }
  const state = outcomes.some((o) => o.outcome.state === 'printing') ? 'printing' : 'printed';
  return { orderNumber, state, fault: null, reason: null, target: null, parcels: [] };
}

/**
 * How far back the queue looks for labels that did not print: the station's newest completions.
 * A parcel still waiting for its label is among the last few hundred packed at its table.
 */
export const UNPRINTED_LOOKBACK = 200;

/** Orders the station completed lately whose label has not printed, newest first. */
export function labelsNotPrinted(requests: Pick<DocumentRequestRepository, 'recentLabelPrints'>, stationId: string): UnprintedLabelView[] {
  const byOrder = new Map<string, LabelPrint[]>();
  for (const label of requests.recentLabelPrints(stationId, UNPRINTED_LOOKBACK)) {
    const labels = byOrder.get(label.orderNumber) ?? [];
    labels.push(label);
    byOrder.set(label.orderNumber, labels);
  }
  return [...byOrder.entries()].flatMap(([orderNumber, labels]) => {
    const status = labelStatus(orderNumber, labels);
    return status.state === 'not_printed' ? [{ ...status, customerName: labels[0]!.customerName }] : [];
  });
}

/** documents.label: what the completion screen shows of the order just packed, as its label prints. */
export function labelHandlers(
  requests: Pick<DocumentRequestRepository, 'labelPrints'>,
  tracking: (orderNumber: string) => NonNullable<LabelStatusView['tracking']> = () => [],
): HandlerSlice<'documents.label'> {
  return {
    'documents.label': ({ orderNumber }) => {
      const status = labelStatus(orderNumber, requests.labelPrints(orderNumber));
      const numbers = tracking(orderNumber);
      return numbers.length > 0 ? { ...status, tracking: numbers } : status;
    },
  };
}
