import './pack.css';
import './panels.css';
import './lines.css';
import './dialogs.css';
import { useCallback, useEffect, useRef } from 'react';
import { AppHeader } from '../../components/AppHeader';
import { useScan } from '../../scanner/useScan';
import { SessionVideo } from '../../video/SessionVideo';
import { routeScan } from '../../scanner/scans';
import { useStationStore } from '../../station/stationStore';
import { BoxDialog } from './BoxDialog';
import { CompleteBar } from './CompleteBar';
import { ErrorOverlay } from './ErrorOverlay';
import { LinesTable } from './LinesTable';
import { OrderHeader } from './OrderHeader';
import { OverrideDialog } from './OverrideDialog';
import { PutBackDialog } from './PutBackDialog';
import { usePackStore, type DialogKind } from './packStore';
import { ParcelsPanel } from './ParcelsPanel';
import { QuantityPrompt } from './QuantityPrompt';
import { useScaleStore } from './scaleStore';
import { useAutoWeigh } from './useAutoWeigh';
import type { ShortcutAction } from './shortcuts';
import { UnitsList } from './UnitsList';
import { useShortcuts } from './useShortcuts';
import { VerdictBanner } from './VerdictBanner';
import { WeightDialog } from './WeightDialog';

/**
 * The packing screen: built for a scanner in one hand and the keyboard's F-keys for the rest.
 * A scan must paint its verdict within a frame, so this component follows only what changes its
 * layout (a dialog, a question, the session), and each panel subscribes to its own part of the
 * order: the store keeps unchanged parts of each new view (keepUnchanged), so a scan renders the
 * banner, the line it counted, the parcel it went into and the new unit, not the whole screen.
 */
export function PackScreen() {
  const packing = usePackStore((s) => s.view !== null);
  const sessionId = usePackStore((s) => s.view?.sessionId ?? null);
  // Never the whole question: a stop or a prompt must not render the screen, only what shows it.
  const askingExpiry = usePackStore((s) => s.view?.pending?.kind === 'expiry');
  const dialog = usePackStore((s) => s.dialog);
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

  // The expiry is read off the pack and typed, not scanned: the typed-code field is ready for it,
  // and gives the keys back to the screen once the question is answered (Escape puts back again).
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

  // Reads the store when it runs, so it never changes and never renders the footer again.
  const run = useCallback(async (action: ShortcutAction): Promise<void> => {
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
  }, []);
  const onAction = useCallback((action: ShortcutAction) => void run(action), [run]);

  // The error overlay and the dialogs hold the keys while they are open (keyboard/router.ts).
  useShortcuts(packing, (action) => {
    // Escape in the typed-code field is the field's own: it empties and leaves the field (ManualEntry).
    if (action === 'putBack' && document.activeElement === manual.current) return false;
    void run(action);
  });

  if (!packing) return null;

  return (
    <div className="screen pack-screen" ref={screen} tabIndex={-1}>
      <AppHeader />
      <VerdictBanner />
      <SessionVideo owner={sessionId === null ? null : { sessionId }} />
      <QuantityQuestion />
      <AutoWeigh />
      <main className="pack-main">
        <div className="pack-left">
          <div className="pack-panel">
            <OrderHeader />
            <LinesTable />
          </div>
        </div>
        <div className="pack-right">
          <div className="pack-panel">
            <ParcelsPanel />
            <UnitsList />
          </div>
        </div>
      </main>
      <CompleteBar onAction={onAction} manualRef={manual} />
      <ErrorOverlay />
      {dialog !== null && <PackDialog dialog={dialog} />}
    </div>
  );
}

/** A bulk line's count, asked under the banner; a new question (another unit, another line) starts empty. */
function QuantityQuestion() {
  const pending = usePackStore((s) => s.view?.pending ?? null);
  const units = usePackStore((s) => s.view?.units.length ?? 0);
  if (pending?.kind !== 'quantity') return null;
  return <QuantityPrompt key={`${units}-${pending.sku}`} name={pending.name} max={pending.max} />;
}

/** Weighs by itself when the scale settles (useAutoWeigh); its own component, as it follows every change of the order. */
function AutoWeigh() {
  useAutoWeigh();
  return null;
}

/** The open dialog, with what it needs of the order read when it opens. */
function PackDialog({ dialog }: { dialog: DialogKind }) {
  const activeParcel = usePackStore((s) => s.view?.activeParcel ?? 1);
  const orderNumber = usePackStore((s) => s.view?.order.number ?? '');
  const partial = usePackStore((s) => s.view?.blockers.some((b) => b.kind === 'lines_incomplete') ?? false);
  switch (dialog) {
    case 'box':
      return <BoxDialog parcel={activeParcel} />;
    case 'weight':
      return <WeightDialog parcel={activeParcel} />;
    case 'override':
      return <OverrideDialog suggested={partial ? 'partial' : 'force_complete'} />;
    case 'putBack':
      return <PutBackDialog orderNumber={orderNumber} />;
  }
}
