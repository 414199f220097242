import './pack.css';
import './panels.css';
import './lines.css';
import './dialogs.css';
import { useEffect, useRef } from 'react';
import { AppHeader } from '../../components/AppHeader';
import { useScan } from '../../scanner/useScan';
import { SessionVideo } from '../../video/SessionVideo';
import { routeScan } from '../../scanner/scans';
import { useStationStore } from '../../station/stationStore';
import { BoxDialog } from './BoxDialog';
import { CompleteBar } from './CompleteBar';
import { ErrorOverlay } from './ErrorOverlay';
import { LinesTable } from './LinesTable';
import { ManualEntry } from './ManualEntry';
import { OrderHeader } from './OrderHeader';
import { OverrideDialog } from './OverrideDialog';
import { PutBackDialog } from './PutBackDialog';
import { usePackStore } from './packStore';
import { ParcelsPanel } from './ParcelsPanel';
import { QuantityPrompt } from './QuantityPrompt';
import { useScaleStore } from './scaleStore';
import { useAutoWeigh } from './useAutoWeigh';
import type { ShortcutAction } from './shortcuts';
import { UnitsList } from './UnitsList';
import { useShortcuts } from './useShortcuts';
import { VerdictBanner } from './VerdictBanner';
import { WeightDialog } from './WeightDialog';

/** The packing screen: built for a scanner in one hand and the keyboard's F-keys for the rest. */
export function PackScreen() {
  const view = usePackStore((s) => s.view);
  const dialog = usePackStore((s) => s.dialog);
  const busy = usePackStore((s) => s.busy);
  const lastSku = usePackStore((s) => s.shown?.outcome?.sku ?? null);
  const stationId = useStationStore((s) => s.station?.id);
  const manual = useRef<HTMLInputElement>(null);
  const screen = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!stationId) return;
    return useScaleStore.getState().watch(stationId);
  }, [stationId]);

  // Nothing has the focus to begin with: keys go to the shortcuts, scans to the scan pipeline.
  useEffect(() => screen.current?.focus(), []);

  useScan((code) => void routeScan(code, 'wedge'));
  useAutoWeigh();

  const pending = view?.pending ?? null;
  const blocked = pending?.kind === 'error';
  // The expiry is read off the pack and typed, not scanned: the typed-code field is ready for it,
  // and gives the keys back to the screen once the question is answered (Escape puts back again).
  const askingExpiry = pending?.kind === 'expiry';
  const focusedForExpiry = useRef(false);
  useEffect(() => {
    if (askingExpiry) {
      manual.current?.focus();
      focusedForExpiry.current = true;
    } else if (focusedForExpiry.current) {
      focusedForExpiry.current = false;
      if (document.activeElement === manual.current) screen.current?.focus();
    }
  }, [askingExpiry]);
  // The error overlay and the dialogs hold the keys while they are open (keyboard/router.ts).
  useShortcuts(!!view, (action) => {
    // Escape in the typed-code field is the field's own: it empties and leaves the field (ManualEntry).
    if (action === 'putBack' && document.activeElement === manual.current) return false;
    void run(action);
  });

  if (!view) return null;

  async function run(action: ShortcutAction): Promise<void> {
    const store = usePackStore.getState();
    const current = store.view;
    if (!current) return;
    const parcel = current.activeParcel;
    switch (action) {
      case 'undo':
        return store.undo();
      case 'box':
        return store.setDialog('box');
      case 'addParcel':
        return void (await store.act('pack.parcel.add', {}, 'parcelAdded'));
      case 'nextParcel': {
        const index = current.parcels.findIndex((p) => p.no === parcel);
        const next = current.parcels[(index + 1) % current.parcels.length];
        if (next && next.no !== parcel) await store.act('pack.parcel.activate', { parcel: next.no }, 'parcelActivated');
        return;
      }
      case 'weigh': {
        const { reading, loaded } = useScaleStore.getState();
        if (loaded && reading === null) return store.setDialog('weight');
        return void (await store.weigh(parcel, undefined, 'weighed'));
      }
      case 'override':
        return store.setDialog('override');
      case 'manual':
        return manual.current?.focus();
      case 'complete':
        return store.complete();
      case 'putBack':
        // Escape closes the innermost thing first: a waiting question, then the order itself.
        if (current.pending) return store.undo();
        return store.setDialog('putBack');
    }
  }

  const overrideKind = view.blockers.some((b) => b.kind === 'lines_incomplete') ? 'partial' : 'force_complete';

  return (
    <div className="screen pack-screen" ref={screen} tabIndex={-1}>
      <AppHeader />
      <VerdictBanner />
      <SessionVideo sessionId={view.sessionId} />
      {pending?.kind === 'quantity' && <QuantityPrompt key={`${view.units.length}-${pending.sku}`} name={pending.name} max={pending.max} />}
      <main className="pack-main">
        <div className="pack-left">
          <OrderHeader order={view.order} lines={view.lines} />
          <LinesTable lines={view.lines} currentSku={lastSku} />
        </div>
        <div className="pack-right">
          <ParcelsPanel parcels={view.parcels} active={view.activeParcel} />
          <UnitsList units={view.units} parcels={view.parcels.length} />
        </div>
      </main>
      <CompleteBar view={view} busy={busy} onAction={(action) => void run(action)}>
        <ManualEntry ref={manual} />
      </CompleteBar>
      {blocked && <ErrorOverlay verdict={pending.verdict} />}
      {dialog === 'box' && <BoxDialog parcel={view.activeParcel} />}
      {dialog === 'weight' && <WeightDialog parcel={view.activeParcel} />}
      {dialog === 'override' && <OverrideDialog suggested={overrideKind} />}
      {dialog === 'putBack' && <PutBackDialog orderNumber={view.order.number} />}
    </div>
  );
}
