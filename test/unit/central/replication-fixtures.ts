import path from 'node:path';
import { expect } from 'vitest';
import type { JournalRow, JournalRows } from '../../../src/app/ports/journal';
import type { JournalReplicationLink } from '../../../src/app/ports/replication';
import { ReplicationWorker } from '../../../src/app/replication/worker';
import { startCentral, type RunningCentral } from '../../../src/central/central';
import { createHttpReplicationLink } from '../../../src/central-link/replication-link';
import { GENESIS_HASH } from '../../../src/journal';
import { rowHash } from '../../../src/journal/chain';
import { loadOrCreateCentralKey } from '../../../src/platform/central-key';
import { signRequest } from '../../../src/platform/request-signature';

export const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function openCentral(databaseUrl: string, port = 0): Promise<RunningCentral> {
  return startCentral({ databaseUrl, host: '127.0.0.1', port, logger: silent });
}

/** Registers the station whose data folder is `dataDir` at central, by the key `packdesk station key` would print. */
export async function register(central: RunningCentral, id: string, dataDir: string): Promise<void> {
  const key = loadOrCreateCentralKey(dataDir);
  await central.store.stations.register({ id, name: id, publicKey: key.publicKey }, new Date());
}

export function link(url: string, id: string, dataDir: string): JournalReplicationLink {
  return createHttpReplicationLink({ url, stationId: id, privateKey: loadOrCreateCentralKey(dataDir).privateKey, timeoutMs: 5000 });
}

export function worker(rows: JournalRows, journalKey: string, replicationLink: JournalReplicationLink, batchSize = 50): ReplicationWorker {
  return new ReplicationWorker({
    source: { fromSeq: (f, l) => rows.fromSeq(f, l), checkpoints: () => rows.checkpoints(), lastSeq: () => rows.last()?.seq ?? 0 },
    link: replicationLink,
    journalKey,
    logger: silent,
    batchSize,
  });
}

/** Steps the worker until it is caught up (or refused); returns the last outcome. */
export async function replicate(w: ReplicationWorker): Promise<string> {
  for (let i = 0; i < 10_000; i++) {
    const outcome = await w.step();
    if (outcome !== 'more') return outcome;
  }
  throw new Error('replication did not finish');
}

/** Central's copy of a station's journal equals the station's entry for entry, and every link verifies. */
export async function expectSameJournal(central: RunningCentral, id: string, rows: JournalRows): Promise<JournalRow[]> {
  const atCentral = await central.store.journals.entries(id, 1, 1_000_000);
  expect(atCentral).toEqual(rows.fromSeq(1, 1_000_000));
  atCentral.forEach((e, i) => {
    expect(e.seq).toBe(i + 1);
    expect(e.prevHash).toBe(i === 0 ? GENESIS_HASH : atCentral[i - 1]!.hash);
    expect(rowHash(e)).toBe(e.hash);
  });
  return atCentral;
}

/** A signed request from a station to central, as the console's reads are made. */
export async function signedPost<T>(url: string, id: string, dataDir: string, pathName: string, input: unknown): Promise<T> {
  const body = JSON.stringify(input);
  const headers = signRequest(loadOrCreateCentralKey(dataDir).privateKey, id, { method: 'POST', path: pathName, body }, new Date());
  const res = await fetch(`${url}${pathName}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  const answer = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!answer.ok) throw new Error(answer.error?.message ?? JSON.stringify(answer));
  return answer.value;
}

export const dataDirOf = (dir: string) => path.join(dir, 'data');
