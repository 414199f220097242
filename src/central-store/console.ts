import type { Pool } from 'pg';
import type { CentralConsole, CentralFloorStation } from '../app/ports/central-console';
import { COLUMNS, toCentralEntry, type EntryRecord } from './journal';

/** Central's reads for the manager's console over every station's replicated journal. */
export function createCentralConsole(pool: Pool): CentralConsole {
  return {
    async orderEntries(orderNumber, limit) {
      // With each sending station's name, so a clip recorded elsewhere names the station people know.
      const { rows } = await pool.query<EntryRecord>(
        `SELECT ${COLUMNS.split(', ')
          .map((c) => `j.${c}`)
          .join(', ')}, s.name AS station_name
           FROM journal_entries j JOIN stations s ON s.id = j.station_id
          WHERE j.subject_kind = 'order' AND j.subject_id = $1 ORDER BY j.at_time, j.station_id, j.seq LIMIT $2`,
        [orderNumber, limit],
      );
      return rows.map(toCentralEntry);
    },

    async floor(since) {
      const stations = await pool.query<{ id: string; name: string }>('SELECT id, name FROM stations ORDER BY id');
      // Each station's newest entry walks its primary key backwards; its people, the time index from `since`.
      const last = await pool.query<{
        station_id: string;
        at: string;
        type: string;
        actor_id: string | null;
        subject_kind: string | null;
        subject_id: string | null;
      }>(
        `SELECT s.id AS station_id, e.at, e.type, e.actor_id, e.subject_kind, e.subject_id FROM stations s
           CROSS JOIN LATERAL (SELECT at, type, actor_id, subject_kind, subject_id FROM journal_entries j WHERE j.station_id = s.id ORDER BY seq DESC LIMIT 1) e`,
      );
      const people = await pool.query<{ station_id: string; actor_id: string; at: string; type: string }>(
        `SELECT DISTINCT ON (station_id, actor_id) station_id, actor_id, at, type FROM journal_entries
          WHERE at_time >= $1::timestamptz AND actor_id IS NOT NULL ORDER BY station_id, actor_id, at_time DESC, seq DESC`,
        [since],
      );
      return stations.rows.map((s): CentralFloorStation => {
        const l = last.rows.find((r) => r.station_id === s.id);
        return {
          stationId: s.id,
          name: s.name,
          lastEntry: l
            ? {
                at: l.at,
                type: l.type,
                actorId: l.actor_id === null ? null : Number(l.actor_id),
                orderNumber: l.subject_kind === 'order' ? l.subject_id : null,
              }
            : null,
          people: people.rows
            .filter((p) => p.station_id === s.id)
            .map((p) => ({ userId: Number(p.actor_id), lastAt: p.at, type: p.type }))
            .sort((a, b) => (a.lastAt < b.lastAt ? 1 : -1)),
        };
      });
    },

    async returnsDue(before, limit) {
      // A return is open at its station until that station's `returns.closed` entry for it.
      const { rows } = await pool.query<{ station_id: string; return_number: string; order_number: string; ends_at: string }>(
        `SELECT o.station_id, o.payload::jsonb->>'returnNumber' AS return_number, o.subject_id AS order_number,
                o.payload::jsonb->'deadline'->>'endsAt' AS ends_at
           FROM journal_entries o
          WHERE o.type = 'returns.opened' AND (o.payload::jsonb->'deadline'->>'endsAt')::timestamptz < $1::timestamptz
            AND NOT EXISTS (SELECT 1 FROM journal_entries c WHERE c.type = 'returns.closed' AND c.station_id = o.station_id
                              AND c.subject_id = o.subject_id AND c.payload::jsonb->>'returnNumber' = o.payload::jsonb->>'returnNumber')
          ORDER BY ends_at, o.station_id LIMIT $2`,
        [before, limit],
      );
      return rows.map((r) => ({ stationId: r.station_id, returnNumber: r.return_number, orderNumber: r.order_number, endsAt: r.ends_at }));
    },

    async journalFilters() {
      // Each distinct value walks its index from one value to the next (a few dozen steps, not every entry).
      const distinct = (column: 'type' | 'actor_id') =>
        pool.query<{ v: string }>(
          `WITH RECURSIVE d(v) AS (SELECT min(${column}) FROM journal_entries
             UNION ALL SELECT (SELECT min(${column}) FROM journal_entries WHERE ${column} > d.v) FROM d WHERE d.v IS NOT NULL)
           SELECT v FROM d WHERE v IS NOT NULL`,
        );
      const [types, actors, stations] = await Promise.all([
        distinct('type'),
        distinct('actor_id'),
        pool.query<{ id: string; name: string }>('SELECT id, name FROM stations ORDER BY id'),
      ]);
      return { types: types.rows.map((r) => String(r.v)), actorIds: actors.rows.map((r) => Number(r.v)), stations: stations.rows };
    },
  };
}
