import { afterEach, beforeEach, describe, it, expect } from 'vitest';
import type { Result } from '../../../../src/contract/errors';
import type { ScanSubmitResult } from '../../../../src/contract/packing';
import { mugView } from '../../../support/packing-view';
import type { CurrentLogin } from '../../../../src/contract/schemas';
import { setTransport } from '../../../../renderer/api/client';
import type { Transport } from '../../../../renderer/api/transport';
import { followBadgeScans } from '../../../../renderer/features/login/badgeScans';
import { useLoginStore } from '../../../../renderer/features/login/loginStore';
import { followPackScans } from '../../../../renderer/features/pack/packScans';
import { usePackStore } from '../../../../renderer/features/pack/packStore';
import { routeScan, scanMeaning, showScanResult } from '../../../../renderer/scanner/scans';
import { useStationStore } from '../../../../renderer/station/stationStore';

const login = { user: { id: 1, name: 'Anna Kowalska', role: 'packer', language: null }, station: { id: 'ST-01' } } as unknown as CurrentLogin;

/** Order PD-1 with `packed` of its 2 mugs packed. */
const view = (packed: number) => mugView(packed, 2);

/** A core stand-in that answers scans in order, slowly for the first, to show they stay in order. */
function fakeCore(answers: ((data: string) => Result<ScanSubmitResult>)[]): { sent: string[] } {
  const sent: string[] = [];
  const transport: Transport = {
    async invoke(method, input) {
      if (method !== 'scan.submit') return { ok: true, value: null };
      const { data } = input as { data: string };
      sent.push(data);
      const answer = answers.shift();
      if (!answer) throw new Error('unexpected scan');
      await new Promise((resolve) => setTimeout(resolve, sent.length === 1 ? 20 : 0));
      return answer(data);
    },
    subscribe: () => () => undefined,
    mediaUrl: () => '',
  };
  setTransport(transport);
  return { sent };
}

// The login and packing screens follow scan outcomes as the app wires them (App.tsx).
let unfollow: (() => void)[] = [];
beforeEach(() => {
  useStationStore.getState().reset();
  usePackStore.getState().reset();
  useLoginStore.getState().reset();
  unfollow = [followBadgeScans(), followPackScans()];
});
afterEach(() => usePackStore.getState().reset());
afterEach(() => unfollow.forEach((stop) => stop()));

describe('the one scan pipeline on screen', () => {
  it('logs in with a badge, opens an order, then shows each verdict in scan order', async () => {
    const core = fakeCore([
      () => ({ ok: true, value: { kind: 'login', login } }),
      () => ({ ok: true, value: { kind: 'opened', view: view(0) } }),
      () => ({ ok: true, value: { kind: 'scanned', outcome: { verdict: 'accepted', sku: 'MUG-01', name: 'Mug', units: 1 }, view: view(1) } }),
      () => ({ ok: true, value: { kind: 'scanned', outcome: { verdict: 'line_complete', sku: 'MUG-01', name: 'Mug', units: 1 }, view: view(2) } }),
    ]);
    await routeScan('PD-P-0001', 'wedge');
    expect(useStationStore.getState().login?.user.name).toBe('Anna Kowalska');
    await routeScan('PD-1', 'wedge');
    expect(usePackStore.getState().view?.order.number).toBe('PD-1');
    // Two scans fired together: the first answered slower, still shown first, the second last.
    await Promise.all([routeScan('5901234123457', 'wedge'), routeScan('5901234123457', 'wedge')]);
    expect(core.sent).toEqual(['PD-P-0001', 'PD-1', '5901234123457', '5901234123457']);
    expect(usePackStore.getState().shown?.outcome?.verdict).toBe('line_complete');
    expect(usePackStore.getState().view?.lines[0]?.packed).toBe(2);
  });

  it('turns a refused badge into the login error, and a refused order code into a queue refusal', async () => {
    fakeCore([
      () => ({ ok: false, error: { code: 'BADGE_UNKNOWN', message: 'x' } }),
      () => ({ ok: true, value: { kind: 'login', login } }),
      () => ({ ok: false, error: { code: 'ORDER_CANCELLED', message: 'x' } }),
    ]);
    await routeScan('PD-X-9', 'wedge');
    expect(useLoginStore.getState().error?.code).toBe('BADGE_UNKNOWN');
    await routeScan(' PD-P-0001 ', 'manual');
    expect(useLoginStore.getState().error).toBeNull();
    await routeScan('PD-9', 'wedge');
    expect(usePackStore.getState().refusal).toMatchObject({ code: 'PD-9', error: { code: 'ORDER_CANCELLED' } });
  });

  it('shows a HID scan the core read itself like a screen scan, without timing it', () => {
    useStationStore.getState().loggedIn(login);
    usePackStore.getState().showView(view(0));
    showScanResult({ ok: true, value: { kind: 'scanned', outcome: { verdict: 'wrong_item', sku: null, name: null, units: 0 }, view: view(0) } }, null, false);
    expect(usePackStore.getState().shown).toMatchObject({ outcome: { verdict: 'wrong_item' }, timed: false });
  });
});

describe('what a scan meant, as published to the screens', () => {
  const refused = (code: string, params?: Record<string, unknown>): Result<ScanSubmitResult> =>
    ({ ok: false, error: { code, message: 'x', ...(params ? { params } : {}) } }) as Result<ScanSubmitResult>;
  const manager = { userId: 7, name: 'Tomasz Lewandowski', role: 'manager' };

  it.each([
    { what: 'NOT_LOGGED_IN while logged in', result: refused('NOT_LOGGED_IN'), loggedIn: true, kind: 'loggedOut' },
    { what: 'a refusal while logged in', result: refused('ORDER_CANCELLED'), loggedIn: true, kind: 'refused' },
    { what: 'PIN_REQUIRED for a known user', result: refused('PIN_REQUIRED', manager), loggedIn: false, kind: 'pinNeeded' },
    { what: 'PIN_REQUIRED without a usable user', result: refused('PIN_REQUIRED', { ...manager, role: 'boss' }), loggedIn: false, kind: 'badgeRefused' },
    { what: 'a refusal while logged out', result: refused('BADGE_UNKNOWN'), loggedIn: false, kind: 'badgeRefused' },
    { what: 'a login', result: { ok: true, value: { kind: 'login', login } } as Result<ScanSubmitResult>, loggedIn: true, kind: 'loggedIn' },
    { what: 'an opened order', result: { ok: true, value: { kind: 'opened', view: view(0) } } as Result<ScanSubmitResult>, loggedIn: true, kind: 'opened' },
  ])('$what is $kind', ({ result, loggedIn, kind }) => {
    expect(scanMeaning(result, 'PD-M-0002', true, loggedIn).kind).toBe(kind);
  });

  it('changes no feature store that does not follow the outcomes', () => {
    unfollow.forEach((stop) => stop());
    useStationStore.getState().loggedIn(login);
    showScanResult({ ok: true, value: { kind: 'opened', view: view(0) } }, 'PD-1', true);
    expect(usePackStore.getState().view).toBeNull();
  });
});
