import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { AllStatisticsView, FitView, PackerStatisticsView, TrendView } from '../../../src/contract/statistics';
import { periodContaining, type Period, type PeriodKind } from '../../../src/domain/statistics/period';
import type { ReadFrom } from '../../../src/contract/central';
import { call } from '../../api/client';

interface Exported {
  fileName: string;
  rows: number;
  /** Every station's figures through central, or this station's own (and why). */
  readFrom: ReadFrom;
}

interface StatisticsState {
  visible: boolean;
  kind: PeriodKind;
  /** A moment inside the period shown (local time). */
  anchor: number;
  /** The station's shift around the anchor, as its manager set the shifts (asked for when the period is a shift). */
  shift: (Period & { start: string; end: string }) | null;
  loading: boolean;
  /** Managers: everyone's figures; null for a packer. */
  all: AllStatisticsView | null;
  /** The packer shown in detail: oneself for a packer, the one a manager chose. */
  packer: PackerStatisticsView | null;
  trend: TrendView | null;
  fits: FitView[];
  exporting: boolean;
  exported: Exported | null;
  error: StationError | null;
  open(manager: boolean): void;
  /** Loads the statistics without taking the screen (the console's tab shows them). */
  start(manager: boolean): void;
  close(): void;
  setKind(kind: PeriodKind): void;
  setDate(day: string): void;
  step(direction: -1 | 1): void;
  /** A manager opens one packer's figures (null: back to everyone). */
  showPacker(packerId: number | null): Promise<void>;
  load(): Promise<void>;
  exportFile(format: 'csv' | 'xlsx'): Promise<void>;
  refit(stationId: string): Promise<void>;
  reset(): void;
}

const initial = {
  visible: false,
  kind: 'day' as PeriodKind,
  anchor: 0,
  shift: null,
  loading: false,
  all: null,
  packer: null,
  trend: null,
  fits: [],
  exporting: false,
  exported: null,
  error: null,
};

let manages = false;
let chosen: number | null = null;

export function periodOf(kind: PeriodKind, anchor: number, shift: Period | null): Period {
  const at = new Date(anchor);
  return shift && shift.from <= at && at < shift.to ? periodContaining(kind, at, shift) : periodContaining(kind, at);
}

/** The station's shift around a moment; the shifts are a manager's setting, in the station's time zone. */
async function shiftAround(anchor: number): Promise<StatisticsState['shift']> {
  const shift = await call('shift.at', { at: new Date(anchor).toISOString() });
  return shift.ok ? { from: new Date(shift.value.from), to: new Date(shift.value.to), start: shift.value.start, end: shift.value.end } : null;
}

/** Hands the file to the browser as a download. */
function download(fileName: string, mimeType: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The statistics screen's state: the period, what was loaded for it, and the export. */
export const useStatisticsStore = create<StatisticsState>()((set, get) => ({
  ...initial,
  open(manager) {
    manages = manager;
    chosen = null;
    set({ ...initial, visible: true, anchor: Date.now() });
    void get().load();
  },
  start(manager) {
    manages = manager;
    chosen = null;
    set({ ...initial, anchor: Date.now() });
    void get().load();
  },
  close: () => set({ ...initial }),
  setKind(kind) {
    set({ kind });
    void get().load();
  },
  setDate(day) {
    const [y, m, d] = day.split('-').map(Number);
    if (!y || !m || !d) return;
    const now = new Date(get().anchor);
    set({ anchor: new Date(y, m - 1, d, now.getHours(), now.getMinutes()).getTime() });
    void get().load();
  },
  step(direction) {
    const { kind, anchor, shift } = get();
    const period = periodOf(kind, anchor, shift);
    // Into the next (or previous) period: just past its end, or just before its start.
    set({ anchor: direction > 0 ? period.to.getTime() + 1 : period.from.getTime() - 1 });
    void get().load();
  },
  async showPacker(packerId) {
    chosen = packerId;
    if (packerId === null) set({ packer: null, trend: null });
    await get().load();
  },
  async load() {
    const { kind, anchor } = get();
    const shift = kind === 'shift' ? await shiftAround(anchor) : null;
    const period = periodOf(kind, anchor, shift);
    const range = { from: period.from.toISOString(), to: period.to.toISOString() };
    set({ loading: true, error: null, exported: null, shift });
    const until = new Date(Math.min(period.to.getTime() - 1, Date.now())).toISOString();
    if (manages && chosen === null) {
      const [all, trend] = await Promise.all([call('stats.packers', range), call('stats.trend', { weeks: 8, until })]);
      if (!all.ok) return set({ loading: false, error: all.error, all: null });
      return set({ loading: false, all: all.value, packer: null, trend: trend.ok ? trend.value : null, fits: all.value.fits });
    }
    const input = chosen === null ? range : { ...range, packerId: chosen };
    const [mine, trend, fits] = await Promise.all([
      call('stats.packer', input),
      call('stats.trend', { weeks: 8, until, ...(chosen === null ? {} : { packerId: chosen }) }),
      call('stats.fits', {}),
    ]);
    if (!mine.ok) return set({ loading: false, error: mine.error, packer: null });
    set({ loading: false, packer: mine.value, trend: trend.ok ? trend.value : null, fits: fits.ok ? fits.value : mine.value.fits });
  },
  async exportFile(format) {
    const { kind, anchor, shift } = get();
    const period = periodOf(kind, anchor, shift);
    set({ exporting: true, exported: null, error: null });
    const made = await call('stats.export', { from: period.from.toISOString(), to: period.to.toISOString(), format });
    if (!made.ok) return set({ exporting: false, error: made.error });
    download(made.value.fileName, made.value.mimeType, made.value.base64);
    set({ exporting: false, exported: { fileName: made.value.fileName, rows: made.value.rows, readFrom: made.value.readFrom } });
  },
  async refit(stationId) {
    set({ loading: true, error: null });
    const fit = await call('stats.fit', { stationId });
    if (!fit.ok) return set({ loading: false, error: fit.error });
    await get().load();
  },
  reset: () => set({ ...initial }),
}));
