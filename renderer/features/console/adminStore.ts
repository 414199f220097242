import { create } from 'zustand';
import type { CardPrinter } from '../../../src/contract/admin';
import type { StationError } from '../../../src/contract/errors';
import type { MethodInput, MethodOutput } from '../../../src/contract/methods';
import { call } from '../../api/client';

type Users = MethodOutput<'admin.users'>;
type Boxes = MethodOutput<'admin.boxes'>;
type Stations = MethodOutput<'admin.stations'>;
type Shifts = MethodOutput<'shift.patterns'>;

/** A card just made: whose, its badge code (shown once), and the PDF to open (a box label) or the print job it went to (a badge card). */
export interface IssuedCard {
  title: string;
  badge: string | null;
  pdf: string | null;
  printJobId: number | null;
}

interface AdminState {
  users: Users;
  boxes: Boxes;
  stations: Stations;
  shifts: Shifts | null;
  saving: boolean;
  error: StationError | null;
  saved: string | null;
  card: IssuedCard | null;
  loadUsers(): Promise<void>;
  loadBoxes(): Promise<void>;
  loadStations(): Promise<void>;
  addUser(input: MethodInput<'admin.user.add'>): Promise<boolean>;
  updateUser(input: MethodInput<'admin.user.update'>): Promise<void>;
  resetPin(userId: number, pin: string): Promise<boolean>;
  /** A new badge code, its card sent through the print queue to the label or A4 printer. */
  newBadge(userId: number, name: string, to: CardPrinter): Promise<void>;
  saveBox(input: MethodInput<'admin.box.save'>): Promise<boolean>;
  boxLabel(code: string, name: string): Promise<void>;
  /** Sends the box label to this station's label printer through the print queue. */
  printBoxLabel(code: string): Promise<void>;
  saveStation(input: MethodInput<'admin.station.save'>): Promise<void>;
  loadShifts(): Promise<void>;
  saveShifts(input: MethodInput<'shift.patterns.save'>): Promise<boolean>;
  clearCard(): void;
  reset(): void;
}

const initial = { users: [], boxes: [], stations: [], shifts: null, saving: false, error: null, saved: null, card: null };

/** The console's people, box types and stations: lists as last read, the save in progress, the card to print. */
export const useAdminStore = create<AdminState>()((set) => {
  /** Runs a change; on success `after` gets its value. False when refused (the error is shown). */
  async function change<T>(
    run: () => Promise<{ ok: true; value: T } | { ok: false; error: StationError }>,
    after: (value: T) => Partial<AdminState>,
    saved: string,
  ) {
    set({ saving: true, error: null, saved: null });
    const result = await run();
    if (!result.ok) {
      set({ saving: false, error: result.error });
      return false;
    }
    set({ saving: false, saved, ...after(result.value) });
    return true;
  }
  const reloadUsers = async () => {
    const users = await call('admin.users', {});
    if (users.ok) set({ users: users.value });
  };
  return {
    ...initial,
    loadUsers: reloadUsers,
    async loadBoxes() {
      const boxes = await call('admin.boxes', {});
      if (boxes.ok) set({ boxes: boxes.value });
    },
    async loadStations() {
      const stations = await call('admin.stations', {});
      if (stations.ok) set({ stations: stations.value });
    },
    async addUser(input) {
      const done = await change(
        () => call('admin.user.add', input),
        (added) => ({ card: { title: added.user.name, badge: added.badge, pdf: null, printJobId: added.printJobId } }),
        'userAdded',
      );
      if (done) await reloadUsers();
      return done;
    },
    async updateUser(input) {
      if (
        await change(
          () => call('admin.user.update', input),
          () => ({}),
          'saved',
        )
      )
        await reloadUsers();
    },
    resetPin: (userId, pin) =>
      change(
        () => call('admin.user.pin', { userId, pin }),
        () => ({}),
        'pinReset',
      ),
    async newBadge(userId, name, to) {
      await change(
        () => call('admin.user.badge', { userId, to }),
        (issued) => ({ card: { title: name, badge: issued.badge, pdf: null, printJobId: issued.printJobId } }),
        'badgeIssued',
      );
    },
    saveBox: (input) =>
      change(
        () => call('admin.box.save', input),
        (boxes) => ({ boxes }),
        'saved',
      ),
    async boxLabel(code, name) {
      await change(
        () => call('admin.box.label', { code, to: 'a4' }),
        (label) => (label.card ? { card: { title: `${code} · ${name}`, badge: null, pdf: label.card, printJobId: null } } : {}),
        'labelReady',
      );
    },
    async printBoxLabel(code) {
      await change(
        () => call('admin.box.label', { code, to: 'printer' }),
        () => ({}),
        'labelSent',
      );
    },
    async saveStation(input) {
      await change(
        () => call('admin.station.save', input),
        (stations) => ({ stations }),
        'saved',
      );
    },
    async loadShifts() {
      const shifts = await call('shift.patterns', {});
      if (shifts.ok) set({ shifts: shifts.value });
    },
    saveShifts: (input) =>
      change(
        () => call('shift.patterns.save', input),
        (shifts) => ({ shifts }),
        'saved',
      ),
    clearCard: () => set({ card: null }),
    reset: () => set({ ...initial }),
  };
});

/** A base64 PDF as an address the browser opens or downloads. */
export function pdfUrl(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
}
