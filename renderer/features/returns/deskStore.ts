import { create } from 'zustand';
import type { Home } from './home';

interface DeskState {
  /** A manager's choice of desk for this login; null: the station's own kind. */
  choice: Home | null;
  choose(desk: Home): void;
  reset(): void;
}

/** Which desk a manager switched to (home.ts decides who may). */
export const useDeskStore = create<DeskState>()((set) => ({
  choice: null,
  choose: (desk) => set({ choice: desk }),
  reset: () => set({ choice: null }),
}));
