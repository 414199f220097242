import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INPOST_ORG, INPOST_TOKEN, startFakeInpost, type FakeInpost } from '../../../fixtures/carriers/inpost-fake';
import { createStationFixture, typedCall, type StationFixture } from '../../../support/station-fixture';
import { ok } from '../documents/support';

let f: StationFixture;
let fake: FakeInpost;
beforeEach(async () => {
  fake = await startFakeInpost();
  f = createStationFixture({ carriers: { timeoutMs: 1000 } });
});
afterEach(async () => {
  f.close();
  await fake.close();
});

describe('carrier accounts through the contract', () => {
  it('lets a manager save an account with its sealed secret, never shows the secret, tests it and removes it; a packer may not', async () => {
    const call = typedCall(f.station);
    await ok(call('auth.badge', { badge: 'PD-P-0001' }));
    const refused = await call('carriers.accounts.list', {});
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    await ok(call('auth.logout', {}));
    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));

    const account = { kind: 'inpost' as const, url: fake.url, organizationId: INPOST_ORG };
    const saved = await ok(call('carriers.accounts.set', { account, secret: INPOST_TOKEN }));
    expect(saved).toMatchObject({ account: { kind: 'inpost', labelFormat: 'zpl' }, hasSecret: true });
    expect(JSON.stringify(await ok(call('carriers.accounts.list', {})))).not.toContain(INPOST_TOKEN);
    expect(await ok(call('carriers.accounts.test', { kind: 'inpost' }))).toEqual({ account: 'InPost: Sklep Testowy sp. z o.o.' });

    await ok(call('carriers.accounts.set', { account: { ...account, organizationId: '999' } }));
    const wrong = await call('carriers.accounts.test', { kind: 'inpost' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'VALIDATION_FAILED' });

    await ok(call('carriers.accounts.remove', { kind: 'inpost' }));
    expect(await ok(call('carriers.accounts.list', {}))).toEqual([]);
  });
});
