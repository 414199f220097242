import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { usePostgres } from '../../support/postgres-server';
import { appendScans, openTestJournal } from '../journal/fixtures';
import { dataDirOf, expectSameJournal, link, openCentral, register, replicate, worker } from './replication-fixtures';
import { bundleForChild, type ChildBundle } from '../../support/child-bundle';

const server = usePostgres();
let bundle: ChildBundle;

beforeAll(async () => {
  bundle = await bundleForChild('test/unit/central/replication-child.ts');
});
afterAll(() => bundle.remove());

/** Runs the station process until it says it replicates, then kills it with SIGKILL after `ms`. */
async function runAndKill(args: string[], ms: number): Promise<void> {
  const child = spawn(process.execPath, [bundle.file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the station process ended by itself (${code})`)));
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

it('a station killed with SIGKILL at random points mid-replication, 50 times: nothing lost, nothing duplicated', async () => {
  const central = await openCentral(await server().createDatabase());
  try {
    const station = openTestJournal({ checkpointEvery: 25 });
    appendScans(station.journal, 300);
    await register(central, 'ST-09', dataDirOf(station.dir));
    const args = [station.dir, dataDirOf(station.dir), central.url, 'ST-09'];
    const heads: number[] = [];
    for (let i = 0; i < 50; i++) {
      await runAndKill(args, Math.floor(Math.random() * 120));
      heads.push(await central.store.journals.headSeq('ST-09'));
    }
    // Central's copy grew across the kills (the kills landed mid-way, not after the end).
    expect(heads.at(-1)).toBeGreaterThan(0);
    expect(heads.some((h, i) => i > 0 && h > heads[i - 1]!)).toBe(true);
    // The station starts once more and finishes: central's copy equals the station's, entry for entry.
    const w = worker(station.rows, station.key.publicKey, link(central.url, 'ST-09', dataDirOf(station.dir)));
    expect(await replicate(w)).toBe('idle');
    const copy = await expectSameJournal(central, 'ST-09', station.rows);
    expect(copy.length).toBe(station.rows.count());
    expect(await central.store.journals.alarms(10)).toEqual([]);
  } finally {
    await central.close();
  }
}, 300_000);
