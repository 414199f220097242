import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootStation } from '../../../src/boot/station';
import type { ReplicationAlarm } from '../../../src/app/ports/replication';
import type { RunningCentral } from '../../../src/central/central';
import { usePostgres } from '../../support/postgres-server';
import { appendScans, dropTriggers, openTestJournal } from '../journal/fixtures';
import { dataDirOf, expectSameJournal, link, openCentral, register, replicate, signedPost, worker } from './replication-fixtures';

const server = usePostgres();
const open: RunningCentral[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

async function central(url?: string, port = 0): Promise<{ central: RunningCentral; dbUrl: string }> {
  const dbUrl = url ?? (await server().createDatabase());
  const c = await openCentral(dbUrl, port);
  open.push(c);
  return { central: c, dbUrl };
}

/** A station with `count` scans in its journal (a checkpoint every 25), registered at central. */
async function stationAt(c: RunningCentral, id: string, count: number) {
  const station = openTestJournal({ checkpointEvery: 25 });
  appendScans(station.journal, count);
  await register(c, id, dataDirOf(station.dir));
  const w = worker(station.rows, station.key.publicKey, link(c.url, id, dataDirOf(station.dir)));
  return { ...station, w };
}

const alarms = (c: RunningCentral, id: string, dir: string) =>
  signedPost<{ alarms: ReplicationAlarm[] }>(c.url, id, dataDirOf(dir), '/v1/journal/alarms', {}).then((v) => v.alarms);

describe("a station's journal replicates to central", () => {
  it('arrives entry for entry in batches, every chain and checkpoint verifying; a re-sent batch is a no-op', async () => {
    const { central: c } = await central();
    const s = await stationAt(c, 'ST-01', 260);
    expect(await replicate(s.w)).toBe('idle');
    await expectSameJournal(c, 'ST-01', s.rows);
    expect(await c.store.journals.alarms(10)).toEqual([]);
    // The station lost central's answer and sends the same batch again: nothing changes.
    const again = await link(c.url, 'ST-01', dataDirOf(s.dir)).send({
      journalKey: s.key.publicKey,
      entries: s.rows.fromSeq(200, 50),
      checkpoints: s.rows.checkpoints(),
    });
    expect(again).toEqual({ reached: true, value: { stored: 0, headSeq: 260, refused: null } });
    // New entries follow on the next step.
    appendScans(s.journal, 30);
    expect(await replicate(s.w)).toBe('idle');
    await expectSameJournal(c, 'ST-01', s.rows);
  });

  it('runs in a station booted attached to central (packdesk serve --central)', async () => {
    const { central: c } = await central();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-attached-'));
    await register(c, 'DESK-3', dataDir);
    const booted = await bootStation({ dataDir, host: 'cli', demo: { orders: 60, seed: 5 }, central: { url: c.url, stationId: 'DESK-3' } });
    try {
      expect(booted.journal.lastSeq()).toBeGreaterThan(0);
      await vi.waitFor(async () => expect(await c.store.journals.headSeq('DESK-3')).toBe(booted.journal.lastSeq()), { timeout: 15_000, interval: 100 });
      expect(booted.replication?.status()).toMatchObject({ centralSeq: booted.journal.lastSeq(), unreachable: null, refused: null });
    } finally {
      await booted.close();
    }
  });

  it('catches up after central was stopped part-way and started again', async () => {
    const first = await central();
    const s = await stationAt(first.central, 'ST-01', 400);
    expect(await s.w.step()).toBe('more');
    expect(await s.w.step()).toBe('more');
    const port = Number(new URL(first.central.url).port);
    await first.central.close();
    open.splice(open.indexOf(first.central), 1);
    expect(await s.w.step()).toBe('down');
    expect(s.w.status().unreachable).toMatch(/cannot be reached/);
    appendScans(s.journal, 20);
    const again = await central(first.dbUrl, port);
    expect(await replicate(s.w)).toBe('idle');
    await expectSameJournal(again.central, 'ST-01', s.rows);
  });

  it('refuses a foreign journal key and does not let a station write another station journal', async () => {
    const { central: c } = await central();
    const s = await stationAt(c, 'ST-01', 30);
    expect(await replicate(s.w)).toBe('idle');
    const other = openTestJournal();
    const receipt = await link(c.url, 'ST-01', dataDirOf(s.dir)).send({ journalKey: other.key.publicKey, entries: [], checkpoints: [] });
    expect(receipt.reached && receipt.value.refused?.fault).toBe('foreign-key');
    expect((await alarms(c, 'ST-01', s.dir)).map((a) => [a.stationId, a.fault])).toEqual([['ST-01', 'foreign-key']]);
  });

  it('cannot change an entry at central: the tables refuse UPDATE and DELETE', async () => {
    const { central: c, dbUrl } = await central();
    const s = await stationAt(c, 'ST-01', 30);
    await replicate(s.w);
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      await expect(client.query("UPDATE journal_entries SET payload = '{}' WHERE seq = 2")).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM journal_entries WHERE seq = 5')).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM journal_checkpoints')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});

describe('tampering with a station database before it replicates is refused at central and named', () => {
  it('an edited entry', async () => {
    const { central: c } = await central();
    const s = await stationAt(c, 'ST-07', 80);
    dropTriggers(s.db);
    s.db.prepare(`UPDATE journal_entries SET payload = '{"code":"0000","line":41,"verdict":"ok"}' WHERE seq = 41`).run();
    expect(await replicate(s.w)).toBe('refused');
    expect(await c.store.journals.headSeq('ST-07')).toBe(40);
    const [alarm] = await alarms(c, 'ST-07', s.dir);
    expect(alarm).toMatchObject({ stationId: 'ST-07', seq: 41, fault: 'rewritten' });
    expect(alarm!.message).toMatch(/Entry 41/);
    // Retrying the same refused batch counts on the same alarm.
    expect(await s.w.step()).toBe('refused');
    expect((await alarms(c, 'ST-07', s.dir)).map((a) => a.times)).toEqual([2]);
  });

  it('a deleted entry', async () => {
    const { central: c } = await central();
    const s = await stationAt(c, 'ST-07', 80);
    dropTriggers(s.db);
    s.db.prepare('DELETE FROM journal_entries WHERE seq = 33').run();
    expect(await replicate(s.w)).toBe('refused');
    expect(await c.store.journals.headSeq('ST-07')).toBe(32);
    expect(await alarms(c, 'ST-07', s.dir)).toMatchObject([{ stationId: 'ST-07', seq: 33, fault: 'gap' }]);
  });

  it('a forged checkpoint', async () => {
    const { central: c } = await central();
    const s = await stationAt(c, 'ST-07', 80);
    dropTriggers(s.db);
    // Without the station's key the attacker cannot sign: a checkpoint they alter no longer holds.
    const forged = s.rows.checkpoints()[0]!;
    s.db.prepare("UPDATE journal_checkpoints SET at = '2026-03-02T09:00:00.000Z' WHERE seq = ?").run(forged.seq);
    expect(await replicate(s.w)).toBe('refused');
    expect(await c.store.journals.headSeq('ST-07')).toBe(0);
    expect(await alarms(c, 'ST-07', s.dir)).toMatchObject([{ stationId: 'ST-07', seq: 25, fault: 'forged-checkpoint' }]);
  });

  it('an entry rewritten after central has it: a fork', async () => {
    const { central: c } = await central();
    const s = await stationAt(c, 'ST-07', 30);
    expect(await replicate(s.w)).toBe('idle');
    const copy = s.rows.fromSeq(20, 1)[0]!;
    const receipt = await link(c.url, 'ST-07', dataDirOf(s.dir)).send({
      journalKey: s.key.publicKey,
      entries: [
        { ...copy, at: '2026-03-02T10:00:00.000Z', hash: (await import('../../../src/journal/chain')).rowHash({ ...copy, at: '2026-03-02T10:00:00.000Z' }) },
      ],
      checkpoints: [],
    });
    expect(receipt.reached && receipt.value.refused).toMatchObject({ seq: 20, fault: 'fork' });
    await expectSameJournal(c, 'ST-07', s.rows);
  });
});
