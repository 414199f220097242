import './printing.css';
import { useEffect, useState } from 'react';
import { subscribe } from '../../api/client';
import { PrintIndicator } from './PrintIndicator';
import { PrintPanel } from './PrintPanel';
import { PrinterSettings } from './PrinterSettings';
import { usePrintStore } from './printStore';

/** Missed events (a dropped connection) are caught up by reading the queue now and then. */
const REFRESH_MS = 15_000;

/**
 * The print status on every working screen, its queue panel and, for managers, the printer
 * settings. `lastOrder` is the order just completed, offered for reprint.
 */
export function PrintingCorner({ stationId, manager, lastOrder }: { stationId: string; manager: boolean; lastOrder: string | null }) {
  const refresh = usePrintStore((s) => s.refresh);
  const view = usePrintStore((s) => s.view);
  const [remembered, setRemembered] = useState<string | null>(lastOrder);
  if (lastOrder !== null && lastOrder !== remembered) setRemembered(lastOrder);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    const unsubscribe = subscribe('print.job.changed', (event) => {
      if (event.stationId === stationId) void refresh();
    });
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [stationId, refresh]);

  return (
    <>
      <PrintIndicator manager={manager} />
      {view === 'queue' && <PrintPanel manager={manager} lastOrder={remembered} />}
      {view === 'settings' && manager && <PrinterSettings />}
    </>
  );
}
