import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { MethodInput, MethodOutput } from '../../../src/contract/methods';
import { call } from '../../api/client';
import { screenLanguage } from '../review/reviewStore';

type Search = MethodOutput<'journal.search'>;
type Filters = MethodOutput<'journal.filters'>;
type Check = MethodOutput<'journal.verify'>;

/** What the manager narrowed the search by, as the form holds it (empty: not narrowed). */
export interface JournalForm {
  userId: string;
  stationId: string;
  type: string;
  orderNumber: string;
  /** datetime-local values, in the screen's time zone. */
  from: string;
  to: string;
  text: string;
}

export const EMPTY_FORM: JournalForm = { userId: '', stationId: '', type: '', orderNumber: '', from: '', to: '', text: '' };
export const PAGE_SIZE = 50;

interface JournalState {
  form: JournalForm;
  options: Filters | null;
  page: Search | null;
  searching: boolean;
  error: StationError | null;
  checking: boolean;
  progress: { checked: number; total: number } | null;
  check: Check | null;
  setForm(change: Partial<JournalForm>): void;
  loadOptions(): Promise<void>;
  search(offset?: number): Promise<void>;
  verify(): Promise<void>;
  progressed(checked: number, total: number): void;
  reset(): void;
}

const initial = { form: EMPTY_FORM, options: null, page: null, searching: false, error: null, checking: false, progress: null, check: null };

/** A local datetime-local value as the instant it names. */
function instant(local: string): string | undefined {
  if (!local) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export function searchInput(form: JournalForm, offset: number): MethodInput<'journal.search'> {
  const from = instant(form.from);
  const to = instant(form.to);
  return {
    ...(form.userId ? { userId: Number(form.userId) } : {}),
    ...(form.stationId ? { stationId: form.stationId } : {}),
    ...(form.type ? { types: [form.type] } : {}),
    ...(form.orderNumber.trim() ? { orderNumber: form.orderNumber.trim() } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(form.text.trim() ? { text: form.text.trim() } : {}),
    limit: PAGE_SIZE,
    offset,
    language: screenLanguage(),
  };
}

/** The manager's journal search and check: the form, the page shown, and the check's progress. */
export const useJournalStore = create<JournalState>()((set, get) => ({
  ...initial,
  setForm: (change) => set({ form: { ...get().form, ...change } }),
  async loadOptions() {
    const options = await call('journal.filters', { language: screenLanguage() });
    if (options.ok) set({ options: options.value });
  },
  async search(offset = 0) {
    set({ searching: true, error: null });
    const page = await call('journal.search', searchInput(get().form, Math.max(0, offset)));
    if (!page.ok) return set({ searching: false, error: page.error });
    set({ searching: false, page: page.value });
  },
  async verify() {
    if (get().checking) return;
    set({ checking: true, progress: { checked: 0, total: 0 }, check: null, error: null });
    const check = await call('journal.verify', {});
    if (!check.ok) return set({ checking: false, progress: null, error: check.error });
    set({ checking: false, check: check.value, progress: { checked: check.value.lastSeq, total: check.value.lastSeq } });
  },
  progressed: (checked, total) => {
    if (get().checking) set({ progress: { checked, total } });
  },
  reset: () => set({ ...initial }),
}));
