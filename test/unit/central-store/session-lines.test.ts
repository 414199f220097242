import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { JournalRow } from '../../../src/app/ports/journal';
import { migrateCentral } from '../../../src/central-store';
import { createCentralJournals } from '../../../src/central-store/journal';
import type { SessionFacts } from '../../../src/domain/statistics';
import { usePostgres } from '../../support/postgres-server';

const server = usePostgres();

const T0 = Date.parse('2026-10-02T08:00:00.000Z');
let seq = 0;
/** One order's session as a station journals it: opened, one scan of each SKU given, completed with `completion`. */
function session(order: string, skus: string[], completion: Record<string, unknown>): JournalRow[] {
  const entry = (type: string, payload: Record<string, unknown>): JournalRow => {
    seq++;
    return {
      seq,
      at: new Date(T0 + seq * 10_000).toISOString(),
      stationId: 'ST-01',
      actorId: 4,
      type,
      subjectKind: 'order',
      subjectId: order,
      payload: JSON.stringify(payload),
      prevHash: '0'.repeat(64),
      hash: seq.toString(16).padStart(64, '0'),
    };
  };
  return [
    entry('pack.opened', {}),
    ...skus.map((sku) => entry('pack.scan', { verdict: 'accepted', sku, units: 1 })),
    entry('pack.completed', { status: 'shipped', parcels: [{ no: 1 }], ...completion }),
  ];
}

describe('central counts a session by the order lines its completion carries', () => {
  it('takes the lines from the completion, else from the order it pulled, and leaves out an order it knows no lines of', async () => {
    const pool = new pg.Pool({ connectionString: await server().createDatabase() });
    try {
      await migrateCentral(pool);
      await pool.query("INSERT INTO stations (id, name, public_key, registered_at) VALUES ('S1', 'S1', 'ed25519:x', now())");
      // One order central pulled from the shop (its product weighs 6 kg and the shop marks it fragile), written before completions carried lines.
      await pool.query(`INSERT INTO central_products (sku, product, seq, updated_at) VALUES ('BAG-25', '{"weightGrams": 6000, "fragile": true}', 1, now())`);
      await pool.query(
        `INSERT INTO central_orders (shop_kind, external_id, order_number, status, remote, seq, pulled_at, updated_at)
         VALUES ('file', 'SO-PULLED', 'SO-PULLED', 'shipped', '{}', 1, now(), now())`,
      );
      await pool.query(
        `INSERT INTO central_order_lines (shop_kind, external_id, position, order_number, sku, quantity) VALUES ('file', 'SO-PULLED', 0, 'SO-PULLED', 'BAG-25', 1)`,
      );
      const kit = { sku: 'KIT-01', quantity: 1, kit: true, unitGrams: 400, fragile: false };
      const vase = { sku: 'VASE-01', quantity: 2, kit: false, unitGrams: 5200.5, fragile: true };
      const entries = [
        // The station's own order, which central never pulled: counted by the lines its completion carries.
        ...session('SO-OWN', ['KIT-01', 'VASE-01', 'VASE-01'], { lines: [kit, vase] }),
        // An order with no lines the statistics count (their products not in the catalogue): counted, with none.
        ...session('SO-EMPTY', ['ODD-01'], { lines: [] }),
        // Older completions without lines: the pulled order's, and none for an order central never pulled.
        ...session('SO-PULLED', ['BAG-25'], {}),
        ...session('SO-UNKNOWN', ['MUG-01'], {}),
      ];
      const receipt = await createCentralJournals(pool).ingest(
        'S1',
        { journalKey: 'k', entries, checkpoints: [] },
        () => ({ pinKey: null, entries, checkpoints: [], refused: null }),
        new Date(),
      );
      expect(receipt.stored).toBe(entries.length);

      const { rows } = await pool.query<{ facts: string }>('SELECT facts FROM session_facts ORDER BY seq');
      const factors = new Map(rows.map((r) => JSON.parse(r.facts) as SessionFacts).map((f) => [f.session.orderNumber, f.factors]));
      expect([...factors.keys()]).toEqual(['SO-OWN', 'SO-EMPTY', 'SO-PULLED']);
      expect(factors.get('SO-OWN')).toMatchObject({ lines: 2, units: 3, kits: 1, fragile: 2, heavy: 2 });
      expect(factors.get('SO-EMPTY')).toMatchObject({ lines: 0, units: 1, kits: 0, fragile: 0, heavy: 0 });
      expect(factors.get('SO-PULLED')).toMatchObject({ lines: 1, units: 1, kits: 0, fragile: 1, heavy: 1 });
      const counted = await pool.query<{ n: string }>('SELECT count(*) AS n FROM session_contributions WHERE packer_id IS NULL');
      expect(Number(counted.rows[0]!.n)).toBe(3);
    } finally {
      await pool.end();
    }
  });
});
