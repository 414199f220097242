import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { MethodInput, MethodOutput } from '../../../src/contract/methods';
import type { NotOursView, ReturnCandidate, ReturnSummary, ReturnView } from '../../../src/contract/returns-schemas';
import type { ReturnType } from '../../../src/domain/returns';
import { call } from '../../api/client';
import { playSound } from '../../components/sound';
import { byDeadline } from './deadlines';

type NotOursSummary = MethodOutput<'returns.identify'>['notOurs'][number];
type Settings = MethodOutput<'returns.settings'>;
type Grade = Omit<MethodInput<'returns.item.grade'>, 'number' | 'itemId'>;

/** The dialogs of the desk; one at a time, over the screen. */
export type ReturnsDialog = 'override' | 'decide' | 'notOurs' | 'photo' | null;

/** The desk's panes: finding the parcel, a return being handled, a parcel not ours, or the list. */
export type ReturnsPane = 'identify' | 'return' | 'notOurs' | 'list';

interface ReturnsState {
  pane: ReturnsPane;
  /** What was last identified, to say "nothing matches" about it. */
  searched: string | null;
  busy: boolean;
  candidates: ReturnCandidate[];
  notOursFound: NotOursSummary[];
  /** The candidate the arrows rest on. */
  chosen: number;
  type: ReturnType;
  /** The customer's statement date and the delivery date, where the handler knows them (YYYY-MM-DD or empty). */
  dates: { declaredOn: string; deliveredOn: string };
  view: ReturnView | null;
  notOurs: NotOursView | null;
  /** The item the grading keys act on. */
  selectedItem: number | null;
  /** What the last item scan did, for the banner: matched or a wrong item. */
  lastScan: { outcome: 'matched' | 'wrong_item'; itemId: number; code: string } | null;
  /** A serial-numbered product scanned without its serial: the next scan is its serial. */
  serialFor: string | null;
  list: { returns: ReturnSummary[]; notOurs: NotOursSummary[] };
  settings: Settings | null;
  dialog: ReturnsDialog;
  error: StationError | null;
  identify(text: string): Promise<void>;
  choose(index: number): void;
  setType(type: ReturnType): void;
  setDates(dates: Partial<{ declaredOn: string; deliveredOn: string }>): void;
  open(): Promise<void>;
  show(number: string): Promise<void>;
  scan(code: string): Promise<void>;
  scanItem(code: string): Promise<void>;
  missing(lineId: number): Promise<boolean>;
  grade(itemId: number, grade: Grade): Promise<boolean>;
  remove(itemId: number): Promise<void>;
  selectItem(itemId: number | null): void;
  override(reason: string, manager: MethodInput<'returns.eligibility.override'>['manager']): Promise<StationError | null>;
  decide(decision: Omit<MethodInput<'returns.decide'>, 'number'>): Promise<StationError | null>;
  close(): Promise<void>;
  recordNotOurs(input: MethodInput<'returns.notOurs.record'>): Promise<StationError | null>;
  showNotOurs(number: string): Promise<void>;
  linkNotOurs(orderNumber: string): Promise<StationError | null>;
  resolveNotOurs(outcome: 'sent_back' | 'disposed'): Promise<StationError | null>;
  addPhoto(data: string, itemId: number | null): Promise<StationError | null>;
  loadList(): Promise<void>;
  loadSettings(): Promise<void>;
  setPane(pane: ReturnsPane): void;
  setDialog(dialog: ReturnsDialog): void;
  clearError(): void;
  /** Back to an empty desk, ready for the next parcel. */
  back(): void;
  reset(): void;
}

const initial = {
  pane: 'identify' as ReturnsPane,
  searched: null,
  busy: false,
  candidates: [],
  notOursFound: [],
  chosen: 0,
  type: 'withdrawal' as ReturnType,
  dates: { declaredOn: '', deliveredOn: '' },
  view: null,
  notOurs: null,
  selectedItem: null,
  lastScan: null,
  serialFor: null as string | null,
  list: { returns: [], notOurs: [] },
  settings: null,
  dialog: null as ReturnsDialog,
  error: null,
};

/** The returns desk's screen state (UI only: the core decides); one parcel at a time. */
export const useReturnsStore = create<ReturnsState>()((set, get) => {
  /** A call that answers with the return's view: shown, or its refusal kept to say. */
  const viewCall = async (result: Promise<{ ok: true; value: ReturnView } | { ok: false; error: StationError }>): Promise<StationError | null> => {
    set({ busy: true });
    const answer = await result;
    if (!answer.ok) {
      playSound('returnRefused');
      set({ busy: false, error: answer.error });
      return answer.error;
    }
    set({ busy: false, error: null, view: answer.value, pane: 'return' });
    return null;
  };
  const number = () => get().view?.number ?? '';

  return {
    ...initial,

    async identify(text) {
      const wanted = text.trim();
      if (!wanted) return;
      set({
        busy: true,
        error: null,
        searched: wanted,
        candidates: [],
        notOursFound: [],
        chosen: 0,
        pane: 'identify',
        view: null,
        notOurs: null,
        dates: initial.dates,
      });
      const found = await call('returns.identify', { text: wanted });
      if (!found.ok) {
        playSound('returnRefused');
        return set({ busy: false, error: found.error });
      }
      const { candidates, notOurs } = found.value;
      playSound(candidates.length > 0 || notOurs.length > 0 ? 'returnFound' : 'returnNothing');
      set({ busy: false, candidates, notOursFound: notOurs, type: 'withdrawal' });
    },

    choose(index) {
      const { candidates } = get();
      if (candidates.length === 0) return;
      set({ chosen: Math.max(0, Math.min(candidates.length - 1, index)) });
    },

    setType: (type) => set({ type }),
    setDates: (dates) => set({ dates: { ...get().dates, ...dates } }),

    async open() {
      const { candidates, chosen, type, dates } = get();
      const candidate = candidates[chosen];
      if (!candidate) return;
      // Without dates the window counts from shipping and the withdrawal from today (docs/returns.md).
      const known = Object.fromEntries(Object.entries(dates).filter(([, day]) => /^\d{4}-\d{2}-\d{2}$/.test(day)));
      const failed = await viewCall(call('returns.open', { orderNumber: candidate.number, type, identifiedBy: candidate.matchedBy, ...known }));
      if (!failed) set({ selectedItem: null, lastScan: null });
    },

    async show(returnNumber) {
      set({ notOurs: null });
      const failed = await viewCall(call('returns.get', { number: returnNumber }));
      if (!failed) set({ selectedItem: get().view?.items.at(-1)?.id ?? null, lastScan: null });
    },

    async scan(code) {
      const { view } = get();
      if (view && view.status === 'open' && get().pane === 'return') return get().scanItem(code);
      return get().identify(code);
    },

    async scanItem(code) {
      if (!get().view) return;
      // After a serial-numbered product, the scan is its serial number.
      const serialFor = get().serialFor;
      const input = serialFor ? { code: serialFor, serial: code.trim() } : { code };
      set({ busy: true, serialFor: null });
      const answer = await call('returns.item.scan', { number: number(), symbology: null, quantity: 1, ...input });
      if (!answer.ok) {
        const needsSerial = answer.error.params?.sentence === 'serial_needed' && !serialFor;
        playSound(needsSerial ? 'prompt' : 'returnRefused');
        return set({ busy: false, error: answer.error, serialFor: needsSerial ? code : null });
      }
      const { outcome, itemId, view } = answer.value;
      playSound(outcome === 'matched' ? 'returnItem' : 'returnWrong');
      set({ busy: false, error: null, view, selectedItem: itemId, lastScan: { outcome, itemId, code: input.code } });
    },

    async missing(lineId) {
      const failed = await viewCall(call('returns.item.missing', { number: number(), lineId, quantity: 1 }));
      if (!failed) set({ selectedItem: get().view?.items.at(-1)?.id ?? null });
      return failed === null;
    },

    async grade(itemId, grade) {
      return (await viewCall(call('returns.item.grade', { number: number(), itemId, ...grade }))) === null;
    },

    async remove(itemId) {
      const failed = await viewCall(call('returns.item.remove', { number: number(), itemId }));
      if (!failed) set({ selectedItem: null, lastScan: null });
    },

    selectItem: (itemId) => set({ selectedItem: itemId }),

    async override(reason, manager) {
      const failed = await viewCall(call('returns.eligibility.override', { number: number(), reason, ...(manager ? { manager } : {}) }));
      if (!failed) set({ dialog: null });
      return failed;
    },

    async decide(decision) {
      const failed = await viewCall(call('returns.decide', { number: number(), ...decision }));
      if (!failed) {
        playSound('returnDone');
        set({ dialog: null });
      }
      return failed;
    },

    async close() {
      const failed = await viewCall(call('returns.close', { number: number() }));
      if (!failed) playSound('returnDone');
    },

    async recordNotOurs(input) {
      set({ busy: true });
      const made = await call('returns.notOurs.record', input);
      if (!made.ok) {
        playSound('returnRefused');
        set({ busy: false });
        return made.error;
      }
      playSound('returnDone');
      set({ busy: false, error: null, notOurs: made.value, pane: 'notOurs', dialog: null, view: null });
      return null;
    },

    async showNotOurs(parcel) {
      set({ busy: true });
      const found = await call('returns.notOurs.get', { number: parcel });
      if (!found.ok) return set({ busy: false, error: found.error });
      set({ busy: false, error: null, notOurs: found.value, pane: 'notOurs', view: null });
    },

    async linkNotOurs(orderNumber) {
      const parcel = get().notOurs?.number;
      if (!parcel) return null;
      const linked = await call('returns.notOurs.link', { number: parcel, orderNumber });
      if (!linked.ok) {
        playSound('returnRefused');
        return linked.error;
      }
      playSound('returnDone');
      set({ notOurs: linked.value, error: null });
      return null;
    },

    async resolveNotOurs(outcome) {
      const parcel = get().notOurs?.number;
      if (!parcel) return null;
      const resolved = await call('returns.notOurs.resolve', { number: parcel, outcome });
      if (!resolved.ok) return resolved.error;
      playSound('returnDone');
      set({ notOurs: resolved.value, error: null });
      return null;
    },

    async addPhoto(data, itemId) {
      const { view, notOurs, pane } = get();
      const target = pane === 'notOurs' ? notOurs?.number : view?.number;
      if (!target) return null;
      const added = await call('returns.photo.add', {
        number: target,
        mimeType: 'image/jpeg',
        data,
        ...(itemId !== null && pane === 'return' ? { itemId } : {}),
      });
      if (!added.ok) return added.error;
      playSound('returnItem');
      // The view lists photos: read it again so the count shows the new one.
      if (pane === 'notOurs') await get().showNotOurs(target);
      else {
        const again = await call('returns.get', { number: target });
        if (again.ok) set({ view: again.value });
      }
      return null;
    },

    async loadList() {
      const listed = await call('returns.list', { overdue: false, limit: 200 });
      if (listed.ok) set({ list: { returns: byDeadline(listed.value.returns), notOurs: listed.value.notOurs } });
    },

    async loadSettings() {
      if (get().settings) return;
      const settings = await call('returns.settings', {});
      if (settings.ok) set({ settings: settings.value });
    },

    setPane: (pane) => set({ pane }),
    setDialog: (dialog) => set({ dialog }),
    clearError: () => set({ error: null }),
    back: () => set({ ...initial, list: get().list, settings: get().settings }),
    reset: () => set({ ...initial }),
  };
});
