import { create } from 'zustand';
import type { Result, StationError } from '../../../src/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract/methods';
import type { PackingView, ScanOutcomeView } from '../../../src/contract/packing';
import { call } from '../../api/client';
import { afterNextPaint, nextTask } from '../../components/afterPaint';
import { measureSettled } from '../../scanner/timing';
import { keepUnchanged } from './keepUnchanged';

/** What the verdict banner shows: the last scan's verdict, or what the last action did. */
export interface Shown {
  /** Increments with every answer, so the same verdict twice still sounds and paints twice. */
  seq: number;
  outcome: ScanOutcomeView | null;
  /** A non-scan action's result: 'undone', 'weighed', 'override' … (see i18n pack.notice). */
  notice: string | null;
  /** What the notice's sentence names: the parcel now active, the unit taken out … */
  noticeParams: Record<string, string | number>;
  /** A refusal of an action (SCALE_UNSTABLE, PACKING_BLOCKED …); does not block scanning. */
  error: StationError | null;
  /** This answer came from a wedge scan whose key-end was marked; the banner measures it. */
  timed: boolean;
}

export interface Completion {
  orderNumber: string;
  status: 'shipped' | 'partially_shipped';
  parcels: number;
  backordered: number;
}

export interface Panels {
  view: PackingView | null;
  /** The item of the last scan's verdict, which the lines table marks. */
  scannedSku: string | null;
}

const panelsOf = (state: Pick<PackState, 'view' | 'shown'>): Panels => ({ view: state.view, scannedSku: state.shown?.outcome?.sku ?? null });

export type DialogKind = 'override' | 'box' | 'weight' | 'putBack';
type Dialog = DialogKind | null;

interface PackState {
  /** The order as the core last described it: what the verdict, the keys and every action go by. */
  view: PackingView | null;
  /**
   * What the order's panels show (lines and the line just scanned, progress, parcels, scanned
   * units): the view and the verdict, but after a scan one frame later than its verdict, so the
   * verdict's frame lays out and paints the banner alone and the packer sees the verdict first
   * (docs/benchmarks.md). Every other change reaches the panels at once.
   */
  panels: Panels;
  shown: Shown | null;
  completion: Completion | null;
  dialog: Dialog;
  /** The code being opened from the queue, shown while the core answers. */
  opening: string | null;
  /** Why the last code could not be opened; must be acknowledged before anything else. */
  refusal: { code: string; error: StationError } | null;
  busy: boolean;
  showView(view: PackingView): void;
  showOutcome(outcome: ScanOutcomeView, view: PackingView, timed: boolean): void;
  refuse(code: string, error: StationError): void;
  showError(error: StationError): void;
  notify(notice: string): void;
  open(code: string): Promise<boolean>;
  resume(): Promise<void>;
  close(): Promise<void>;
  acknowledge(): Promise<void>;
  acknowledgeRefusal(): void;
  undo(): Promise<void>;
  quantity(quantity: number): Promise<void>;
  /** Runs a view-returning action and shows its notice (or its refusal) in the banner. */
  act<M extends ViewMethod>(method: M, input: MethodInput<M>, notice: string | null): Promise<StationError | null>;
  /**
   * Weighs a parcel (from the scale, or `grams` typed at a station without one) and says so; a
   * weight out of tolerance is said as loudly however it came.
   */
  weigh(parcel: number, grams: number | undefined, notice: 'weighed' | 'weighedAuto'): Promise<StationError | null>;
  complete(): Promise<void>;
  finish(): void;
  setDialog(dialog: Dialog): void;
  reset(): void;
}

/** Methods that answer with the new PackingView. */
export type ViewMethod = {
  [M in MethodName]: MethodOutput<M> extends PackingView ? M : never;
}[MethodName];

const initial = {
  view: null,
  panels: { view: null, scannedSku: null } as Panels,
  shown: null,
  completion: null,
  dialog: null as Dialog,
  opening: null,
  refusal: null,
  busy: false,
};

/**
 * Every value a notice's sentence may name, read from the view the action left: the parcel now
 * packed into, and for an undo the unit that must come out of the parcel again.
 */
function noticeParams(before: PackingView | null, after: PackingView): Record<string, string | number> {
  const params: Record<string, string | number> = { no: after.activeParcel, parcels: after.parcels.length };
  const kept = new Set(after.units.map((u) => u.id));
  const removed = before?.units.filter((u) => !kept.has(u.id)) ?? [];
  const unit = removed[0];
  if (unit) {
    params.name = unit.name;
    params.sku = unit.sku;
    params.count = removed.reduce((sum, u) => sum + u.count, 0);
    params.parcel = unit.parcelNo;
  }
  return params;
}

/** An undo that took a unit out says which one; one that only cleared a question says so plainly. */
function noticeFor(notice: string, before: PackingView | null, after: PackingView): string {
  if (notice !== 'undone' || !before) return notice;
  return before.units.length > after.units.length ? 'undoneUnit' : notice;
}

/** Set while a scan's answer is stored: its panels wait for the verdict's frame (showOutcome). */
let deferPanels = false;

let seq = 0;
function shown(part: Partial<Shown>): Shown {
  return { seq: ++seq, outcome: null, notice: null, noticeParams: {}, error: null, timed: false, ...part };
}

/** The order being packed at this station, as the core last described it; rules stay in the core. */
export const usePackStore = create<PackState>()((set, get) => {
  const viewAnswer = (result: Result<PackingView>, notice: string | null, before: PackingView | null = null): StationError | null => {
    if (!result.ok) {
      set({ shown: shown({ error: result.error }) });
      return result.error;
    }
    set({
      view: keepUnchanged(get().view, result.value),
      shown: notice ? shown({ notice: noticeFor(notice, before, result.value), noticeParams: noticeParams(before, result.value) }) : get().shown,
    });
    return null;
  };

  return {
    ...initial,

    showView(view) {
      set({ view: keepUnchanged(get().view, view), completion: null, opening: null, refusal: null, shown: null, dialog: null });
    },

    showOutcome(outcome, view, timed) {
      const answer = shown({ outcome, timed });
      deferPanels = true;
      set({ view: keepUnchanged(get().view, view), shown: answer });
      deferPanels = false;
      // The verdict first; the panels follow in the next frame, unless something newer came
      // meanwhile. A task later than the paint, so the verdict's own after-paint work (its timing,
      // its sound, the stop's focus) goes first.
      afterNextPaint(() =>
        nextTask(() => {
          if (get().shown !== answer) return;
          set({ panels: panelsOf(get()) });
          if (timed) measureSettled();
        }),
      );
    },

    notify(notice) {
      set({ shown: shown({ notice }) });
    },

    showError(error) {
      set({ shown: shown({ error }) });
    },

    refuse(code, error) {
      set({ opening: null, refusal: { code, error } });
    },

    async open(code) {
      const trimmed = code.trim();
      if (!trimmed || get().opening || get().refusal) return false;
      set({ opening: trimmed });
      const result = await call('pack.open', { code: trimmed });
      if (!result.ok) {
        get().refuse(trimmed, result.error);
        return false;
      }
      get().showView(result.value);
      return true;
    },

    async resume() {
      const result = await call('pack.current', {});
      if (result.ok && result.value) get().showView(result.value);
    },

    async close() {
      if (!get().view || get().busy) return;
      // The core first, so a reload right after never finds the order still open here.
      set({ busy: true });
      await call('pack.close', {});
      set({ ...initial });
    },

    async acknowledge() {
      viewAnswer(await call('pack.acknowledge', {}), 'acknowledged');
    },

    acknowledgeRefusal() {
      set({ refusal: null });
    },

    async undo() {
      const before = get().view;
      viewAnswer(await call('pack.undo', {}), 'undone', before);
    },

    async quantity(quantity) {
      const result = await call('pack.quantity', { quantity });
      if (!result.ok) return void set({ shown: shown({ error: result.error }) });
      get().showOutcome(result.value.outcome, result.value.view, false);
    },

    async act(method, input, notice) {
      if (get().busy) return null;
      set({ busy: true });
      const result = (await call(method, input)) as Result<PackingView>;
      set({ busy: false });
      return viewAnswer(result, notice);
    },

    async weigh(parcel, grams, notice) {
      if (get().busy) return null;
      const error = await get().act('pack.weigh', grams === undefined ? { parcel } : { parcel, grams }, notice);
      if (error) return error;
      // Out of tolerance is a stop for completion: say so in the banner, not just "weighed".
      if (get().view?.parcels.find((p) => p.no === parcel)?.weightOk === false) get().notify('weightOff');
      return null;
    },

    async complete() {
      if (get().busy) return;
      set({ busy: true });
      const result = await call('pack.complete', {});
      if (!result.ok) {
        set({ busy: false, shown: shown({ error: result.error }) });
        // A cancelled order or a blocker the screen did not know of: show the core's latest state.
        const current = await call('pack.current', {});
        if (current.ok) set({ view: keepUnchanged(get().view, current.value) });
        return;
      }
      set({ ...initial, completion: result.value });
    },

    finish() {
      set({ completion: null });
    },

    setDialog(dialog) {
      set({ dialog });
    },

    reset() {
      set({ ...initial });
    },
  };
});

// The panels follow every change of the view or the verdict at once, but a scan's answer (above).
usePackStore.subscribe((state, previous) => {
  if (deferPanels || (state.view === previous.view && state.shown === previous.shown)) return;
  const panels = panelsOf(state);
  if (panels.view !== state.panels.view || panels.scannedSku !== state.panels.scannedSku) usePackStore.setState({ panels });
});
