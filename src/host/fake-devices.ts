import type { FastifyInstance } from 'fastify';
import type { FakeScale } from '../devices/fake/fake-scale';
import type { FakeScanner } from '../devices/fake/fake-scanner';

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

/**
 * Only when the station runs with the simulated HID scanner (end-to-end tests): a barcode passes
 * under it, and the core reads it as it reads a HID POS scanner's, not through the page's keys.
 */
export function registerFakeScanner(app: FastifyInstance, scanner: FakeScanner): void {
  app.post<{ Body: { data?: unknown; symbology?: unknown } }>('/fake/scan', async (request, reply) => {
    const { data, symbology = null } = request.body ?? {};
    if (typeof data !== 'string' || data.length === 0 || data.length > 500 || (symbology !== null && typeof symbology !== 'string')) {
      return reply.code(400).send({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'data must be the scanned text; symbology a string or null.' } });
    }
    if (!scanner.emit(data, symbology))
      return reply.code(409).send({ ok: false, error: { code: 'DEVICE_UNAVAILABLE', message: 'The scanner is not connected.' } });
    return { ok: true, value: null };
  });
}
