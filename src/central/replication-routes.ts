import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Clock, Logger } from '../app/ports';
import type { CentralJournals, ReplicationBatch } from '../app/ports/replication';
import { judgeBatch } from './replication-verify';
import { parseBody } from './parse-body';

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

const invalid = (message: string) => ({ ok: false, error: { code: 'VALIDATION_FAILED', message } });

/**
 * Journal replication and its alarms (issue 13, point 4), under central's signed /v1 (the
 * console's reads are in console-routes.ts): the station that signed the request is the one whose
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
}
