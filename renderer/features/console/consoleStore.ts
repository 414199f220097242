import { create } from 'zustand';

export const CONSOLE_TABS = ['shift', 'journal', 'users', 'boxes', 'rules', 'stations', 'statistics', 'carriers', 'endOfDay'] as const;
export type ConsoleTab = (typeof CONSOLE_TABS)[number];

interface ConsoleState {
  visible: boolean;
  tab: ConsoleTab;
  open(tab?: ConsoleTab): void;
  close(): void;
  show(tab: ConsoleTab): void;
  reset(): void;
}

/** The manager's console: whether it is open and which of its panels is shown. */
export const useConsoleStore = create<ConsoleState>()((set) => ({
  visible: false,
  tab: 'shift',
  open: (tab = 'shift') => set({ visible: true, tab }),
  close: () => set({ visible: false }),
  show: (tab) => set({ tab }),
  reset: () => set({ visible: false, tab: 'shift' }),
}));
