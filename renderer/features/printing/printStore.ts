import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { MethodOutput } from '../../../src/contract/methods';
import type { PrintQueueView } from '../../../src/contract/printing';
import { call } from '../../api/client';

type OrderDocuments = MethodOutput<'documents.order'>;

interface PrintState {
  queue: PrintQueueView | null;
  view: 'closed' | 'queue' | 'settings';
  orderDocuments: OrderDocuments | null;
  notice: 'queued' | null;
  error: StationError | null;
  refresh(): Promise<void>;
  open(view: 'queue' | 'settings'): void;
  close(): void;
  retry(jobId: number): Promise<void>;
  cancel(jobId: number): Promise<void>;
  reprint(documentId: number): Promise<void>;
  /** Managers: a document kept while no printer was set up goes to the printer set up since. */
  printOwed(owedId: number): Promise<void>;
  findOrder(code: string): Promise<void>;
  reset(): void;
}

const initial = { queue: null, view: 'closed' as const, orderDocuments: null, notice: null, error: null };

/** The print panel's UI state; the queue itself lives in the core and is re-read on every change. */
export const usePrintStore = create<PrintState>()((set, get) => {
  const act = async (work: () => ReturnType<typeof call>, notice: PrintState['notice'] = null): Promise<void> => {
    set({ error: null, notice: null });
    const result = await work();
    set(result.ok ? { notice } : { error: result.error });
    await get().refresh();
  };
  return {
    ...initial,
    async refresh() {
      const result = await call('print.queue', {});
      if (result.ok) set({ queue: result.value });
      const order = get().orderDocuments?.orderNumber;
      if (order && get().view !== 'closed') {
        const docs = await call('documents.order', { orderNumber: order });
        if (docs.ok) set({ orderDocuments: docs.value });
      }
    },
    open: (view) => set({ view, error: null, notice: null }),
    close: () => set({ view: 'closed' }),
    retry: (jobId) => act(() => call('print.retry', { jobId })),
    cancel: (jobId) => act(() => call('print.cancel', { jobId })),
    reprint: (documentId) => act(() => call('print.reprint', { documentId }), 'queued'),
    printOwed: (owedId) => act(() => call('print.owed.print', { owedId }), 'queued'),
    async findOrder(code) {
      if (!code.trim()) return;
      const result = await call('documents.order', { orderNumber: code.trim() });
      set(result.ok ? { orderDocuments: result.value, error: null } : { error: result.error });
    },
    reset: () => set({ ...initial }),
  };
});

/** Failed jobs, and owed documents that are stuck with a reason, are what the packer must see. */
export function troubles(queue: PrintQueueView | null) {
  if (!queue) return [];
  return [
    ...queue.jobs.filter((j) => j.status === 'failed').map((j) => ({ reason: j.reason, target: j.target })),
    ...queue.owed.filter((o) => o.reason !== null && o.status !== 'done').map((o) => ({ reason: o.reason, target: '' })),
  ];
}

export function busyCount(queue: PrintQueueView | null): number {
  if (!queue) return 0;
  return (
    queue.jobs.filter((j) => j.status === 'queued' || j.status === 'printing').length +
    queue.owed.filter((o) => o.status === 'pending' && o.reason === null).length
  );
}
