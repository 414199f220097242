/**
 * Central's benchmark (issue 13): replication lag and ingest rate of simulated stations, and the
 * console's journal search and a day's statistics over a large central journal. Starts its own
 * PostgreSQL 15 (test/support/postgres-server). Run: node test/bench/central.mjs [--entries N]
 * [--stations N] [--seconds N] [--poll-only: workers not nudged on append] [--build-into URL: build the
 * large journal in that existing empty database and keep it] [--database URL: measure the console's
 * reads on a journal built before]. Prints `name value unit` lines.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { JournalReplicationLink } from '../../src/app/ports/replication';
import { ReplicationWorker } from '../../src/app/replication/worker';
import { startCentral } from '../../src/central/central';
import { consoleStatistics } from '../../src/central/console-routes';
import { consolePackerStatistics } from '../../src/central/console-statistics';
import { countMissingContributions } from '../../src/central-store/contributions';
import { createHttpReplicationLink } from '../../src/central-link/replication-link';
import { analyseSession } from '../../src/domain/statistics';
import { createJournal } from '../../src/journal/journal';
import { loadOrCreateStationKey } from '../../src/journal/key-file';
import { loadOrCreateCentralKey } from '../../src/platform/central-key';
import { openDatabase } from '../../src/storage/db';
import { createJournalRows } from '../../src/storage/repositories/journal-rows';
import { createStore } from '../../src/storage/store';
import { loadOrCreateBadgeKey } from '../../src/storage/badge-key';
import { startPostgres } from '../support/postgres-server';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const STATIONS = arg('--stations', 50);
const SECONDS = arg('--seconds', 60);
const ENTRIES = arg('--entries', 1_000_000);
const INGEST_ENTRIES = arg('--ingest', 2000);
const quiet = { info: () => undefined, warn: () => undefined, error: (m: string, f?: unknown) => console.error(m, f) };
const out = (name: string, value: number, unit: string) => console.log(`${name} ${Math.round(value * 100) / 100} ${unit}`);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

function station(root: string, i: number) {
  const dir = path.join(root, `st-${i}`);
  fs.mkdirSync(dir, { recursive: true });
  const db = openDatabase(path.join(dir, 'packdesk.sqlite'));
  createStore(db, { backupDir: path.join(dir, 'b'), keepBackups: 1, clock: () => new Date(), badgeKey: loadOrCreateBadgeKey(dir) });
  const rows = createJournalRows(db);
  const key = loadOrCreateStationKey(dir);
  const journal = createJournal(rows, { now: () => new Date() }, key);
  return { id: `BENCH-${i}`, dir, db, rows, key, journal, central: loadOrCreateCentralKey(dir) };
}

const scan = (n: number) => ({
  type: 'pack.scan',
  stationId: 'ST-01',
  actorId: 1 + (n % 6),
  subject: { kind: 'order' as const, id: `SO-${n >> 3}` },
  payload: { code: `0590123400${String(n % 1000).padStart(3, '0')}`, verdict: n % 40 === 0 ? 'wrong_item' : 'ok' },
});

async function replication(url: string, register: (id: string, key: string) => Promise<void>, root: string): Promise<void> {
  const stations = Array.from({ length: STATIONS }, (_, i) => station(root, i));
  for (const s of stations) await register(s.id, s.central.publicKey);
  const appendedAt = new Map<string, number>();
  const lags: number[] = [];
  const workers = stations.map((s) => {
    const http = createHttpReplicationLink({ url, stationId: s.id, privateKey: s.central.privateKey });
    const timed: JournalReplicationLink = {
      head: () => http.head(),
      async send(batch) {
        const answer = await http.send(batch);
        const now = performance.now();
        if (answer.reached) for (const e of batch.entries) lags.push(now - (appendedAt.get(`${s.id}:${e.seq}`) ?? now));
        return answer;
      },
    };
    const source = { fromSeq: (f: number, l: number) => s.rows.fromSeq(f, l), checkpoints: () => s.rows.checkpoints(), lastSeq: () => s.rows.last()?.seq ?? 0 };
    return new ReplicationWorker({ source, link: timed, journalKey: s.key.publicKey, logger: quiet });
  });
  // As bootStation wires it: each append nudges the station's worker (the 250 ms poll is only the floor).
  const nudgeOnAppend = !process.argv.includes('--poll-only');
  workers.forEach((w) => w.start());
  // Each station scans once a second, the stations spread evenly over the second.
  const timers = stations.map((s, i) =>
    setTimeout(
      () => {
        let n = 0;
        const t = setInterval(() => {
          const e = s.journal.append(scan(++n));
          appendedAt.set(`${s.id}:${e.seq}`, performance.now());
          if (nudgeOnAppend) workers[i]!.nudge();
        }, 1000);
        timers.push(t as unknown as NodeJS.Timeout);
      },
      (1000 * i) / STATIONS,
    ),
  );
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  timers.forEach((t) => clearInterval(t));
  await new Promise((r) => setTimeout(r, 2000));
  await Promise.all(workers.map((w) => w.stop()));
  out(`replication lag p50 (${STATIONS} stations, 1 scan/s each, ${SECONDS} s)`, pct(lags, 50), 'ms');
  out(`replication lag p99 (${STATIONS} stations, 1 scan/s each, ${SECONDS} s)`, pct(lags, 99), 'ms');
  out('replication lag max', Math.max(...lags), 'ms');
  out('entries replicated', lags.length, 'entries');

  // Ingest: every station has INGEST_ENTRIES waiting and ships them in batches of 500 at once.
  for (const s of stations) s.db.transaction(() => Array.from({ length: INGEST_ENTRIES }, (_, n) => s.journal.append(scan(n))))();
  const total = stations.reduce((n, s) => n + (s.rows.last()?.seq ?? 0), 0);
  const started = performance.now();
  await Promise.all(
    stations.map(async (s) => {
      const w = new ReplicationWorker({
        source: { fromSeq: (f, l) => s.rows.fromSeq(f, l), checkpoints: () => s.rows.checkpoints(), lastSeq: () => s.rows.last()?.seq ?? 0 },
        link: createHttpReplicationLink({ url, stationId: s.id, privateKey: s.central.privateKey }),
        journalKey: s.key.publicKey,
        logger: quiet,
      });
      while ((await w.step()) === 'more');
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  out(`central ingest (${STATIONS} stations catching up, batches of 500)`, (STATIONS * INGEST_ENTRIES) / seconds, 'entries/s');
  out('entries at central after ingest', total, 'entries');
  stations.forEach((s) => s.db.close());
}

/** A large central journal made by PostgreSQL itself: STATIONS stations, orders of 10 entries, spread over 30 days. */
async function fill(pool: pg.Pool): Promise<void> {
  const started = performance.now();
  await pool.query(`INSERT INTO stations (id, name, public_key, registered_at)
    SELECT 'BIG-' || s, 'Big ' || s, 'ed25519:' || lpad(s::text, 43, 'A'), now() FROM generate_series(1, ${STATIONS}) s`);
  const indexes = (
    await pool.query<{ def: string; name: string }>(
      "SELECT indexdef AS def, indexname AS name FROM pg_indexes WHERE tablename = 'journal_entries' AND indexname <> 'journal_entries_pkey'",
    )
  ).rows;
  for (const i of indexes) await pool.query(`DROP INDEX ${i.name}`);
  const perStation = Math.ceil(ENTRIES / STATIONS);
  // Entry n of a station: order n/10; within it opened, 8 steps, completed; one every ~13 s over 30 days.
  await pool.query(`
    INSERT INTO journal_entries (station_id, seq, at, entry_station, actor_id, type, subject_kind, subject_id, payload, prev_hash, hash, at_time, words)
    SELECT 'BIG-' || s, n, to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'ST-01', 1 + ((n / 10 + s) % 40),
      CASE n % 10 WHEN 1 THEN 'pack.opened' WHEN 0 THEN 'pack.completed' WHEN 5 THEN 'pack.weighed' ELSE 'pack.scan' END,
      'order', 'SO-' || s || '-' || (n / 10),
      CASE WHEN n % 10 IN (2,3,4,6,7,8,9) THEN '{"code":"SN' || lpad(n::text, 7, '0') || '","verdict":"' || CASE WHEN n % 97 = 0 THEN 'wrong_item' ELSE 'ok' END || '"}' ELSE '{}' END,
      md5(n::text) || md5(s::text), md5(s::text) || md5(n::text), t,
      to_tsvector('simple', 'so ' || s || ' ' || (n / 10) || CASE WHEN n % 10 IN (2,3,4,6,7,8,9) THEN ' sn' || lpad(n::text, 7, '0') || CASE WHEN n % 97 = 0 THEN ' wrong item' ELSE ' ok' END ELSE '' END)
    FROM generate_series(1, ${STATIONS}) s, generate_series(1, ${perStation}) n,
      LATERAL (SELECT timestamptz '2026-10-01T06:00:00Z' + make_interval(secs => n * (30 * 86400.0 / ${perStation}) + s) AS t) x`);
  for (const i of indexes) await pool.query(i.def);
  // Central counts each session as its completion arrives; here one counted session is the template for every completion.
  const t0 = Date.parse('2026-10-01T06:00:00.000Z');
  const step = (k: number, type: string, payload: Record<string, unknown> = {}) => ({
    seq: k,
    at: new Date(t0 + k * 13_000).toISOString(),
    stationId: 'ST-01',
    actorId: 1,
    type,
    payload,
  });
  const sample = analyseSession({
    sessionId: null,
    orderId: 0,
    orderNumber: 'SO',
    stationId: 'ST-01',
    completedAt: '',
    lines: [],
    entries: [
      step(1, 'pack.opened'),
      ...[2, 3, 4, 6, 7, 8, 9].map((k) => step(k, 'pack.scan', { verdict: 'ok', quantity: 1 })),
      step(5, 'pack.weighed'),
      step(10, 'pack.completed'),
    ],
  });
  await pool.query(
    `INSERT INTO session_facts (station_id, seq, completed_at, facts)
     SELECT station_id, seq, at_time,
       jsonb_set(jsonb_set(jsonb_set($1::jsonb, '{session,orderNumber}', to_jsonb(subject_id)), '{session,completedAt}', to_jsonb(at)), '{parts,0,packerId}', to_jsonb(actor_id))::text
     FROM journal_entries WHERE type = 'pack.completed'`,
    [JSON.stringify({ ...sample, session: { ...sample.session, entries: [] } })],
  );
  // Each session's numbers, as the migration counts the sessions stored before it (the same path).
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await countMissingContributions(client);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  await pool.query('VACUUM ANALYZE journal_entries');
  await pool.query('VACUUM ANALYZE session_facts');
  await pool.query('VACUUM ANALYZE session_contributions');
  out(`central journal built (${STATIONS * perStation} entries, generate_series, indexes after)`, (performance.now() - started) / 1000, 's');
}

async function consoleReads(url: string): Promise<void> {
  const central = await startCentral({ databaseUrl: url, host: '127.0.0.1', port: 0, logger: quiet });
  const journals = central.store.journals;
  const perStation = Math.ceil(ENTRIES / STATIONS);
  const questions: [string, (i: number) => Parameters<typeof journals.search>[0]][] = [
    ['newest entries, no filter', () => ({ limit: 50, offset: 0 })],
    ['one packer', (i) => ({ actorId: 1 + (i % 40), limit: 50, offset: 0 })],
    ['one station, one entry type', (i) => ({ stationId: `BIG-${1 + (i % STATIONS)}`, types: ['pack.weighed'], limit: 50, offset: 0 })],
    ['one order', (i) => ({ subject: { kind: 'order', id: `SO-${1 + (i % STATIONS)}-${(i * 7919) % (perStation / 10)}` }, limit: 50, offset: 0 })],
    [
      'one packer over one day',
      (i) => ({
        actorId: 1 + (i % 40),
        from: `2026-10-${String(2 + (i % 27)).padStart(2, '0')}T00:00:00.000Z`,
        to: `2026-10-${String(3 + (i % 27)).padStart(2, '0')}T00:00:00.000Z`,
        limit: 50,
        offset: 0,
      }),
    ],
    ['words: a serial number', (i) => ({ text: `SN${String(2 + ((i * 7919) % (perStation - 10))).padStart(7, '0')}`, limit: 50, offset: 0 })],
    ['words: "wrong" at one station', (i) => ({ text: 'wrong', stationId: `BIG-${1 + (i % STATIONS)}`, limit: 50, offset: 0 })],
    ['words: "ok" (a word in most entries)', () => ({ text: 'ok', limit: 50, offset: 0 })],
    ['one packer, page 21 (offset 1,000)', (i) => ({ actorId: 1 + (i % 40), limit: 50, offset: 1000 })],
  ];
  for (const [name, query] of questions) {
    await journals.search(query(99));
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await journals.search(query(i));
      times.push(performance.now() - t);
    }
    out(`central journal search p50: ${name}`, pct(times, 50), 'ms');
    out(`central journal search p99: ${name}`, pct(times, 99), 'ms');
  }
  const times: number[] = [];
  let sessions = 0;
  for (let d = 2; d < 8; d++) {
    const from = `2026-10-${String(d).padStart(2, '0')}T00:00:00.000Z`;
    const to = `2026-10-${String(d + 1).padStart(2, '0')}T00:00:00.000Z`;
    const t = performance.now();
    const figures = await consoleStatistics(journals, from, to);
    times.push(performance.now() - t);
    sessions = figures.total.ordersTouched;
  }
  out(`central day's statistics per packer (${sessions} orders a day, all stations) p50`, pct(times, 50), 'ms');
  out("central day's statistics per packer max", Math.max(...times), 'ms');
  // Another idle gap than the default: the month's sessions read from the journals and replayed (consoleGapStatistics).
  const month = { from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };
  for (const [name, ask] of [
    ['all packers', () => consoleStatistics(journals, month.from, month.to, 600).then((s) => s.total.ordersTouched)],
    ['one packer', () => consolePackerStatistics(journals, month.from, month.to, 7, 600).then((s) => s.ordersTotal)],
  ] as const) {
    const gapTimes: number[] = [];
    let orders = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      orders = await ask();
      gapTimes.push(performance.now() - t);
    }
    out(`central month's statistics with a 10-minute idle gap, ${name} (${orders} orders): first`, gapTimes[0]!, 'ms');
    out(`central month's statistics with a 10-minute idle gap, ${name}: best of the next two`, Math.min(gapTimes[1]!, gapTimes[2]!), 'ms');
  }
  await central.close();
}

async function main(): Promise<void> {
  const server = await startPostgres();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-central-bench-'));
  try {
    console.log(
      `# ${os.cpus()[0]?.model} x${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}, ${new Date().toISOString()}`,
    );
    if (!process.argv.includes('--skip-replication')) {
      const url = await server.createDatabase();
      const central = await startCentral({ databaseUrl: url, host: '127.0.0.1', port: 0, logger: quiet });
      await replication(central.url, async (id, key) => void (await central.store.stations.register({ id, name: id, publicKey: key }, new Date())), root);
      await central.close();
    }
    const existing = process.argv.indexOf('--database');
    if (existing >= 0) {
      // An existing central journal (e.g. one built by an earlier run, with indexes added since).
      await consoleReads(process.argv[existing + 1]!);
      return;
    }
    // --build-into URL: build the large journal in an existing empty database and keep it, to measure
    // it again later with --database URL (the build takes minutes at 10,000,000 entries).
    const into = process.argv.indexOf('--build-into');
    const big = into >= 0 ? process.argv[into + 1]! : await server.createDatabase();
    const migrating = await startCentral({ databaseUrl: big, host: '127.0.0.1', port: 0, logger: quiet });
    await migrating.close();
    const pool = new pg.Pool({ connectionString: big, max: 2 });
    await fill(pool);
    await consoleReads(big);
    await pool.end();
  } finally {
    server.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
