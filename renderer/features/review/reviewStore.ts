import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { TimelineView } from '../../../src/contract/review';
import type { MethodOutput } from '../../../src/contract/methods';
import { call } from '../../api/client';
import type { Language } from '../../../src/domain/user';
import i18next from 'i18next';

type Match = MethodOutput<'review.find'>[number];
type Evidence = MethodOutput<'review.evidence'>;

interface ReviewState {
  visible: boolean;
  searching: boolean;
  /** What was last searched for, to say "nothing matches" about it. */
  searched: string | null;
  matches: Match[];
  timeline: TimelineView | null;
  /** The entry whose moment the video shows. */
  selectedSeq: number | null;
  exporting: boolean;
  evidence: Evidence | null;
  error: StationError | null;
  open(): void;
  close(): void;
  find(query: string): Promise<void>;
  load(orderNumber: string): Promise<void>;
  select(seq: number): void;
  exportEvidence(): Promise<void>;
  reset(): void;
}

const initial = {
  visible: false,
  searching: false,
  searched: null,
  matches: [],
  timeline: null,
  selectedSeq: null,
  exporting: false,
  evidence: null,
  error: null,
};

/** The screen's language: the core says entries in words in it. */
export function screenLanguage(): Language {
  return i18next.language === 'pl' ? 'pl' : 'en';
}

/** The manager's order review: what was searched, which order's timeline is shown and the entry picked in it. */
export const useReviewStore = create<ReviewState>()((set, get) => ({
  ...initial,
  open: () => set({ ...initial, visible: true }),
  close: () => set({ ...initial }),
  async find(query) {
    const wanted = query.trim();
    if (!wanted) return;
    set({ searching: true, error: null, matches: [], searched: wanted });
    const found = await call('review.find', { query: wanted });
    if (!found.ok) return set({ searching: false, error: found.error });
    set({ searching: false, matches: found.value });
    // One answer is the order meant; several (a serial shipped twice) are listed to choose from.
    if (found.value.length === 1) await get().load(found.value[0]!.number);
    else set({ timeline: null, selectedSeq: null, evidence: null });
  },
  async load(orderNumber) {
    set({ searching: true, error: null, evidence: null });
    const timeline = await call('review.timeline', { orderNumber, language: screenLanguage() });
    if (!timeline.ok) return set({ searching: false, error: timeline.error });
    set({ searching: false, timeline: timeline.value, selectedSeq: null });
  },
  select: (seq) => set({ selectedSeq: seq }),
  async exportEvidence() {
    const order = get().timeline?.order.number;
    if (!order) return;
    set({ exporting: true, evidence: null, error: null });
    const made = await call('review.evidence', { orderNumber: order, language: screenLanguage() });
    if (!made.ok) return set({ exporting: false, error: made.error });
    set({ exporting: false, evidence: made.value });
    // The export is journaled: show the entry it just added.
    const timeline = await call('review.timeline', { orderNumber: order, language: screenLanguage() });
    if (timeline.ok && get().timeline?.order.number === order) set({ timeline: timeline.value });
  },
  reset: () => set({ ...initial }),
}));
