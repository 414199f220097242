import type { FastifyInstance } from 'fastify';
import type { FakeScale } from '../devices/fake/fake-scale';

/**
 * Only when the station runs with the fake scale (demos, end-to-end tests): put a "parcel" of
 * so many grams on it, as a hand would on a real scale. Guarded by the token like /api.
 */
export function registerFakeScale(app: FastifyInstance, scale: FakeScale): void {
  app.post<{ Body: { grams?: unknown } }>('/fake/scale', async (request, reply) => {
    const grams = request.body?.grams;
    if (typeof grams !== 'number' || !Number.isFinite(grams) || grams < -100_000 || grams > 1_000_000) {
      return reply.code(400).send({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'grams must be a number of grams.' } });
    }
    scale.setWeight(grams);
    return { ok: true, value: null };
  });
}
