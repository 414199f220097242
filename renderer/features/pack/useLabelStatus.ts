import { useEffect, useState } from 'react';
import type { LabelStatusView } from '../../../src/contract/printing';
import { call, subscribe } from '../../api/client';

/**
 * Whether the labels of an order just completed printed, as the core says (documents.label): read
 * at once and again whenever a print job or a document being made changes at the station.
 */
export function useLabelStatus(orderNumber: string): LabelStatusView | null {
  const [status, setStatus] = useState<LabelStatusView | null>(null);
  useEffect(() => {
    // Only the newest read may write its answer: a slow older one must not undo a newer state.
    let asked = 0;
    let live = true;
    const read = () => {
      const id = ++asked;
      void call('documents.label', { orderNumber }).then((result) => {
        if (live && id === asked && result.ok) setStatus(result.value);
      });
    };
    const unsubscribe = subscribe('print.job.changed', read);
    read();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [orderNumber]);
  return status;
}
