import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SYNC_FLAG_REASONS, type SyncStatus } from '../../../../../src/contract/sync';
import { SyncStatusView } from '../../../../../renderer/features/sync/SyncStatusView';
import { startI18n } from '../../../../../renderer/i18n';

const status = (central: SyncStatus['central']): SyncStatus => ({
  kind: 'none',
  hasSecret: false,
  secretNeeded: false,
  insecureHttp: false,
  running: false,
  lastRunAt: null,
  lastError: null,
  queued: 0,
  parked: [],
  flagged: [],
  central,
});

const render = (s: SyncStatus) => renderToStaticMarkup(createElement(SyncStatusView, { status: s, progress: null, manager: true, onDecide: () => undefined }));

describe('the sync status of a station attached to central', () => {
  it('says the orders come from central, from which shop, and why central cannot reach it, in English and Polish', async () => {
    const i18n = startI18n('en');
    const down = status({ shopKind: 'vendure', lastPullAt: '2026-12-02T10:00:00.000Z', shopError: 'Vendure cannot be reached' });
    const en = render(down);
    expect(en).toContain('its orders come from central');
    expect(en).toContain('Central pulls the orders from: vendure');
    expect(en).toContain('Central cannot reach the shop; this station keeps packing the orders it has: Vendure cannot be reached');
    await i18n.changeLanguage('pl');
    const pl = render(down);
    expect(pl).toContain('zamówienia przychodzą z centrali');
    expect(pl).toContain('Centrala nie może połączyć się ze sklepem');
    expect(render(status({ shopKind: null, lastPullAt: null, shopError: null }))).toContain('Centrala nie ma jeszcze ustawionego sklepu');
    // A station that pulls the shop itself shows none of it.
    await i18n.changeLanguage('en');
    expect(render(status(null))).not.toContain('central');
  });

  it("says why an order was set aside in the manager's language; a flag kept before flags kept codes shows as it was written", async () => {
    const i18n = startI18n('pl');
    const flagged = (reason: string) => ({ ...status(null), flagged: [{ orderNumber: 'S-1', reason, at: '2026-12-03T06:00:00.000Z' }] });
    expect(render(flagged('details_changed_after_packing'))).toContain('Sklep zmienił adres lub sposób wysyłki po spakowaniu: sprawdź etykietę paczki.');
    expect(render(flagged('The shop changed the lines of this order while it was being packed.'))).toContain(
      'The shop changed the lines of this order while it was being packed.',
    );
    await i18n.changeLanguage('en');
    for (const reason of SYNC_FLAG_REASONS) expect(render(flagged(reason))).not.toContain(reason);
  });
});
