import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJournal } from '../../src/journal/journal';
import { loadOrCreateStationKey } from '../../src/journal/key-file';
import { createJournalRows } from '../../src/storage/repositories/journal-rows';
import { keyFileSecrets } from '../../src/sync';
import { createSyncStation, ok, type SyncStation } from '../interop/support/sync-station';
import { startRecordingShop, type RecordingShop } from './recording-shop';

const PASSWORD = 'OLD-PASSWORD-7f3a';
const vendure = (url: string, extra: Record<string, unknown> = {}) => ({ kind: 'vendure' as const, vendure: { url, username: 'superadmin', ...extra } });

let s: SyncStation;
let first: RecordingShop;
let second: RecordingShop;
beforeEach(async () => {
  s = createSyncStation();
  [first, second] = await Promise.all([startRecordingShop(), startRecordingShop()]);
  await ok(s.call('auth.badge', { badge: 'PD-M-0001', pin: '1111' }));
});
afterEach(async () => {
  await Promise.all([first.close(), second.close()]);
  s.close();
});

const syncJournal = () =>
  createJournal(createJournalRows(s.db), { now: () => new Date() }, loadOrCreateStationKey(s.dir)).bySubject({ kind: 'sync', id: 'outbox' });

describe('a stored shop secret is bound to the address it was given for', () => {
  it('is dropped when only the URL changes, and the new address never sees it', async () => {
    await ok(s.call('sync.settings.set', { settings: vendure(first.url), secret: PASSWORD }));
    await ok(s.call('sync.test', {}));
    expect(first.received(PASSWORD)).toBe(true);

    const moved = await ok(s.call('sync.settings.set', { settings: vendure(second.url) }));
    expect(moved).toMatchObject({ hasSecret: false, secretDropped: true, secretNeeded: true });
    expect(syncJournal().at(-1)?.payload).toMatchObject({ kind: 'vendure', secretChanged: false, secretDropped: true });

    expect(await s.call('sync.test', {})).toMatchObject({ ok: false, error: { code: 'SYNC_AUTH_FAILED' } });
    await s.call('sync.now', {});
    expect(second.received(PASSWORD)).toBe(false);
  });

  it('does not send a bearer token to a new address either, nor keep it across a change of shop system', async () => {
    await ok(s.call('sync.settings.set', { settings: vendure(first.url, { username: '' }), secret: 'OLD-TOKEN-91c2' }));
    await ok(s.call('sync.settings.set', { settings: vendure(second.url, { username: '' }) }));
    await s.call('sync.test', {});
    expect(second.received('OLD-TOKEN-91c2')).toBe(false);

    await ok(s.call('sync.settings.set', { settings: vendure(second.url, { username: '' }), secret: 'NEW-TOKEN-5d1e' }));
    const switched = await ok(s.call('sync.settings.set', { settings: { kind: 'baselinker', baselinker: { url: second.url, statusMap: {} } } }));
    expect(switched).toMatchObject({ hasSecret: false, secretDropped: true });
    await s.call('sync.test', {});
    expect(second.seen.filter((r) => r.blToken !== undefined)).toEqual([]);
  });

  it('keeps the secret when the address stays, and takes a new one given with a new address', async () => {
    await ok(s.call('sync.settings.set', { settings: vendure(first.url), secret: PASSWORD }));
    expect(await ok(s.call('sync.settings.set', { settings: vendure(first.url, { pageSize: 50 }) }))).toMatchObject({ hasSecret: true, secretDropped: false });
    expect(await ok(s.call('sync.settings.set', { settings: vendure(second.url), secret: 'NEW-PASSWORD-0b9d' }))).toMatchObject({
      hasSecret: true,
      secretDropped: false,
    });
    await ok(s.call('sync.test', {}));
    expect(second.received('NEW-PASSWORD-0b9d')).toBe(true);
    expect(second.received(PASSWORD)).toBe(false);
  });

  it('does not send a secret saved for another address, however the settings were changed', async () => {
    await ok(s.call('sync.settings.set', { settings: vendure(first.url), secret: PASSWORD }));
    const current = s.sync.settings.settings();
    // As an older version or a tool would: the settings change, the sealed secret stays.
    s.sync.settings.saveSettings({ ...current, vendure: { ...current.vendure!, url: second.url } });
    await s.call('sync.test', {});
    await s.call('sync.now', {});
    expect(second.received(PASSWORD)).toBe(false);
    expect(await ok(s.call('sync.status', {}))).toMatchObject({ hasSecret: false });
  });
});

describe('a secret over plain http', () => {
  const FAR = 'http://shop.example.invalid/admin-api';

  it('is refused to another machine unless the setting allows it, and then the status warns', async () => {
    const refused = await s.call('sync.settings.set', { settings: vendure(FAR), secret: PASSWORD });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SYNC_INSECURE_URL' } });
    expect(s.sync.settings.settings().kind).toBe('none');
    expect(s.sync.settings.sealedSecret()).toBeNull();

    const baselinker = await s.call('sync.settings.set', {
      settings: { kind: 'baselinker', baselinker: { url: 'http://api.example.invalid/connector.php', statusMap: {} } },
      secret: 'BL-TOKEN',
    });
    expect(baselinker).toMatchObject({ ok: false, error: { code: 'SYNC_INSECURE_URL' } });

    const allowed = await ok(s.call('sync.settings.set', { settings: vendure(FAR, { allowInsecureHttp: true }), secret: PASSWORD }));
    expect(allowed).toMatchObject({ hasSecret: true, insecureHttp: true });
    expect(await ok(s.call('sync.settings.get', {}))).toMatchObject({ vendure: { allowInsecureHttp: true } });
  });

  it('is allowed to this machine and over https without the setting', async () => {
    for (const url of [first.url, 'http://localhost:3000/admin-api', 'http://[::1]:3000/admin-api', 'https://shop.example.invalid/admin-api']) {
      expect(await ok(s.call('sync.settings.set', { settings: vendure(url), secret: PASSWORD })), url).toMatchObject({ hasSecret: true, insecureHttp: false });
    }
  });

  it('is not synced to such an address when the secret was stored before the rule', async () => {
    s.sync.settings.saveSettings({
      kind: 'vendure',
      vendure: {
        url: FAR,
        username: 'superadmin',
        channelToken: null,
        barcodeField: 'barcode',
        fulfillmentHandler: 'manual-fulfillment',
        pageSize: 100,
        allowInsecureHttp: false,
      },
      baselinker: null,
      file: null,
      everySeconds: 60,
    });
    s.sync.settings.saveSealedSecret(keyFileSecrets(s.dir).sealer.seal(new TextEncoder().encode(PASSWORD)), null);
    expect(await s.call('sync.test', {})).toMatchObject({ ok: false, error: { code: 'SYNC_INSECURE_URL' } });
    expect(await s.call('sync.now', {})).toMatchObject({ ok: false, error: { code: 'SYNC_INSECURE_URL' } });
  });
});
