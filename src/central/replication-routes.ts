import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock, Logger } from '../app/ports';
import type { CentralJournals, ReplicationBatch } from '../app/ports/replication';
import { defaultFit, figuresOfSums } from '../domain/statistics';
import { judgeBatch } from './replication-verify';

export interface ReplicationRoutesDeps {
  journals: CentralJournals;
  clock: Clock;
  logger: Logger;
}

/** At most this many entries in one batch: a station sends 500. */
export const MAX_BATCH = 2000;

const hex = z.string().max(64);
const rowSchema = z
  .object({
    seq: z.number(),
    at: z.string().max(40),
    stationId: z.string().max(200),
    actorId: z.number().nullable(),
    type: z.string().max(200),
    subjectKind: z.string().max(100).nullable(),
    subjectId: z.string().max(500).nullable(),
    payload: z.string().max(1_000_000),
    prevHash: hex,
    hash: hex,
  })
  .strict();
const checkpointSchema = z
  .object({ seq: z.number(), hash: hex, at: z.string().max(40), signature: z.string().max(200), publicKey: z.string().max(200) })
  .strict();
const batchSchema = z
  .object({ journalKey: z.string().max(200), entries: z.array(rowSchema).max(MAX_BATCH), checkpoints: z.array(checkpointSchema).max(MAX_BATCH) })
  .strict();

const searchSchema = z
  .object({
    stationId: z.string().optional(),
    actorId: z.number().int().optional(),
    types: z.array(z.string()).max(50).optional(),
    subject: z.object({ kind: z.string(), id: z.string() }).strict().optional(),
    from: z.string().datetime().optional(),
    to: z.string().datetime().optional(),
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200),
    offset: z.number().int().min(0).max(10_000),
  })
  .strict();
const periodSchema = z.object({ from: z.string().datetime(), to: z.string().datetime() }).strict();

function parseBody<T>(body: unknown, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = Buffer.isBuffer(body) && body.length > 0 ? (JSON.parse(body.toString('utf8')) as unknown) : {};
  } catch {
    return { ok: false, message: 'The body is not JSON.' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ') };
}

const invalid = (message: string) => ({ ok: false, error: { code: 'VALIDATION_FAILED', message } });

/**
 * Every packer's, station's and the total figures of the sessions completed in [from, to) at every
 * station: one aggregate of their numbers, figures derived the station's way (figuresOfSums).
 * Central holds no order lines yet: the figures that come from lines (lines, kits, expected time)
 * are zero here.
 */
export async function consoleStatistics(journals: CentralJournals, from: string, to: string) {
  return figuresOfSums(await journals.periodSums(from, to), new Map(), defaultFit());
}

/**
 * Journal replication and the console's reads of every station's journal (issue 13, points 4
 * and 5), under central's signed /v1: the station that signed the request is the one whose
 * journal a batch belongs to, so no station can write into another's.
 */
export function registerReplicationRoutes(v1: FastifyInstance, deps: ReplicationRoutesDeps): void {
  const { journals, clock, logger } = deps;

  v1.post('/journal/head', async (req) => ({ ok: true, value: { seq: await journals.headSeq(req.stationId) } }));

  v1.post('/journal/batch', async (req, reply) => {
    const parsed = parseBody(req.body, batchSchema);
    if (!parsed.ok) return reply.code(400).send(invalid(parsed.message));
    const batch: ReplicationBatch = parsed.value;
    const receipt = await journals.ingest(req.stationId, batch, (state) => judgeBatch(batch, state), clock.now());
    if (receipt.refused) logger.warn('central refused a station journal batch', { station: req.stationId, ...receipt.refused });
    return { ok: true, value: receipt };
  });

  v1.post('/journal/alarms', async () => ({ ok: true, value: { alarms: await journals.alarms(200) } }));

  v1.post('/console/journal-search', async (req, reply) => {
    const parsed = parseBody(req.body, searchSchema);
    if (!parsed.ok) return reply.code(400).send(invalid(parsed.message));
    return { ok: true, value: await journals.search(parsed.value) };
  });

  v1.post('/console/statistics', async (req, reply) => {
    const parsed = parseBody(req.body, periodSchema);
    if (!parsed.ok) return reply.code(400).send(invalid(parsed.message));
    const { from, to } = parsed.value;
    return { ok: true, value: { from, to, ...(await consoleStatistics(journals, from, to)) } };
  });
}
