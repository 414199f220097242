import type { z } from 'zod';

/**
 * A signed route's raw body (central reads bodies as bytes, for their signature) read as JSON and
 * checked against `schema`; an empty body is `{}`. Says in one sentence what is wrong otherwise.
 */
export function parseBody<T>(body: unknown, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; message: string } {
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
