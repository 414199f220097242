import { create } from 'zustand';
import type { StationError } from '../../../src/contract/errors';
import type { MethodInput, MethodOutput } from '../../../src/contract/methods';
import { call } from '../../api/client';

type Accounts = MethodOutput<'carriers.accounts.list'>;
type Waiting = MethodOutput<'carriers.handover.waiting'>;
type Kind = MethodInput<'carriers.accounts.test'>['kind'];

/** What the last action said, for the one notice line: tested, saved or handed over. */
export type CarriersNotice =
  | { kind: 'tested'; carrier: Kind; account: string }
  | { kind: 'saved'; carrier: Kind }
  | { kind: 'handedOver'; carrier: Kind; manifest: string; parcels: number; notPrinted: string | null };

interface CarriersState {
  accounts: Accounts;
  waiting: Waiting;
  busy: boolean;
  error: StationError | null;
  notice: CarriersNotice | null;
  load(): Promise<void>;
  save(input: MethodInput<'carriers.accounts.set'>): Promise<boolean>;
  test(kind: Kind): Promise<void>;
  handover(kind: Kind): Promise<void>;
  reset(): void;
}

const initial = { accounts: [], waiting: [], busy: false, error: null, notice: null };

/** The manager's carrier accounts and the parcels waiting for each carrier's handover, as last read. */
export const useCarriersStore = create<CarriersState>()((set, get) => {
  async function run<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: StationError }>, notice: (value: T) => CarriersNotice) {
    set({ busy: true, error: null, notice: null });
    const result = await work();
    if (!result.ok) {
      set({ busy: false, error: result.error });
      return false;
    }
    set({ busy: false, notice: notice(result.value) });
    await get().load();
    return true;
  }
  return {
    ...initial,
    async load() {
      const [accounts, waiting] = await Promise.all([call('carriers.accounts.list', {}), call('carriers.handover.waiting', {})]);
      if (!accounts.ok) return set({ error: accounts.error });
      set({ accounts: accounts.value, waiting: waiting.ok ? waiting.value : [] });
    },
    save: (input) =>
      run(
        () => call('carriers.accounts.set', input),
        () => ({ kind: 'saved', carrier: input.account.kind }),
      ),
    async test(kind) {
      await run(
        () => call('carriers.accounts.test', { kind }),
        (v) => ({ kind: 'tested', carrier: kind, account: v.account }),
      );
    },
    async handover(kind) {
      await run(
        () => call('carriers.handover', { kind }),
        (v) => ({ kind: 'handedOver', carrier: kind, manifest: v.manifestNumber, parcels: v.parcels.length, notPrinted: v.notPrinted }),
      );
    },
    reset: () => set(initial),
  };
});
