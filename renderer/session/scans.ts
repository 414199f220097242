import type { Result } from '../../src/contract/errors';
import type { ScanSubmitResult } from '../../src/contract/packing';
import { call } from '../api/client';
import { playSound } from '../components/sound';
import { useLoginStore } from '../features/login/loginStore';
import { usePackStore } from '../features/pack/packStore';
import { useSessionStore } from './sessionStore';
import { ROLES, type Role } from '../../src/domain/user';

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export type ScreenScanSource = 'wedge' | 'manual';

// Scans go to the core one after another: two quick scans must be judged in the order they were made.
let queue: Promise<void> = Promise.resolve();

/**
 * Every scan the screen reads (the wedge scanner, or a code typed into a scan field) goes through
 * the core's one pipeline, `scan.submit`; what it meant (a badge, an order, an item) comes back.
 */
export function routeScan(data: string, source: ScreenScanSource): Promise<void> {
  const code = source === 'manual' ? data.trim() : data;
  if (!code) return queue;
  queue = queue.then(async () => {
    const loggedIn = useSessionStore.getState().session !== null;
    const pack = usePackStore.getState();
    if (!loggedIn) useLoginStore.getState().setBusy(true);
    else if (!pack.view) usePackStore.setState({ opening: code });
    const result = await call('scan.submit', { data: code, symbology: null, source });
    showScanResult(result, code, source === 'wedge');
  });
  return queue;
}

/** Shows what a scan meant, whether the screen sent it or the core read it from a HID scanner. */
export function showScanResult(result: Result<ScanSubmitResult>, code: string | null, timed: boolean): void {
  const session = useSessionStore.getState();
  const pack = usePackStore.getState();
  useLoginStore.getState().setBusy(false);
  usePackStore.setState({ opening: null });
  if (!result.ok) {
    const { error } = result;
    if (error.code === 'NOT_LOGGED_IN' && session.session) return session.ended('logout');
    if (!session.session && error.code === 'PIN_REQUIRED' && code !== null) {
      const { userId, name, role } = error.params ?? {};
      if (typeof userId === 'number' && typeof name === 'string' && isRole(role)) {
        playSound('ok');
        return useLoginStore.getState().needPin(code, { id: userId, name, role, language: null });
      }
    }
    if (!session.session) return useLoginStore.getState().failed(error);
    if (pack.view) return pack.showError(error);
    return pack.refuse(code ?? '', error);
  }
  const answer = result.value;
  if (answer.kind === 'login') {
    playSound('ok');
    useLoginStore.getState().reset();
    session.loggedIn(answer.session);
    // Another packer's badge between orders: the station is theirs, and so is any order it holds.
    void pack.resume();
    return;
  }
  if (answer.kind === 'opened') {
    playSound('ok');
    pack.showView(answer.view);
    return;
  }
  pack.showOutcome(answer.outcome, answer.view, timed);
}
