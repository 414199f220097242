import type { z } from 'zod';
import { fail, ok, StationFailure, type Result } from '../contract/errors';
import { isMethodName, METHODS, type MethodName } from '../contract/methods';
import { roleAllows } from '../domain/user';
import type { Logins } from './auth';
import { consoleClient, type CallContext, type Client, type CommonPorts } from './context';
import type { Handlers } from './handlers';

export interface DispatchOptions {
  /** The calling station; the host's own station when absent. */
  stationId?: string;
  /**
   * The calling client. Hosts always name theirs (a browser's cookie, an Electron window); an
   * in-process caller that names none is the station's console.
   */
  client?: Client;
}

export type Dispatch = (method: string, input: unknown, options?: DispatchOptions) => Promise<Result<unknown>>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
    .join('; ');
}

/**
 * The one entry point of both transports: validates input against the contract, checks who may
 * call, runs the handler and turns every outcome into a Result. It never throws.
 */
export function createDispatch(core: Pick<CommonPorts, 'store' | 'logger' | 'stationId'>, logins: Logins, handlers: Handlers): Dispatch {
  return async (method, input, options = {}) => {
    if (!isMethodName(method)) return fail('UNKNOWN_METHOD', `There is no method "${method}".`);
    const spec = METHODS[method];
    // A missing body is not an empty object: only in-process callers may leave the input out.
    const parsed = spec.input.safeParse(input === undefined && !options.client ? {} : input);
    if (!parsed.success) return fail('VALIDATION_FAILED', `Invalid input for ${method}: ${describeIssues(parsed.error)}`);
    const stationId = options.stationId ?? core.stationId;
    const client = options.client ?? consoleClient(stationId);
    try {
      if (!core.store.stations.get(stationId)) {
        return fail('VALIDATION_FAILED', `Unknown station ${stationId}.`, { station: stationId });
      }
      const current = logins.current(client, stationId);
      if (spec.access !== 'public') {
        if (!current) return fail('NOT_LOGGED_IN', 'Log in first.');
        if (!roleAllows(current.user.role, spec.access)) {
          return fail('FORBIDDEN', `Your role (${current.user.role}) may not do this.`, { role: current.user.role });
        }
      }
      if (current && !spec.passive) logins.touch(current.login);
      // The map is keyed by method, so this handler belongs to exactly this input schema.
      const handler = handlers[method] as (input: unknown, call: CallContext) => unknown;
      const value = await handler(parsed.data, { stationId, client, login: current?.login ?? null, user: current?.user ?? null });
      return checkOutput(core, method, value);
    } catch (error) {
      if (error instanceof StationFailure) {
        core.logger.warn('call refused', { method, stationId, code: error.code, cause: describeCause(error.cause) });
        return { ok: false, error: error.toError() };
      }
      core.logger.error('call failed', { method, stationId, error: describeCause(error) });
      return fail('INTERNAL', 'Something went wrong in the station; it has been logged.');
    }
  };
}

/** Output is checked too: a handler that drifts from the contract is a bug to catch, not to ship to the UI. */
function checkOutput(core: Pick<CommonPorts, 'logger'>, method: MethodName, value: unknown): Result<unknown> {
  const checked = METHODS[method].output.safeParse(value);
  if (checked.success) return ok(checked.data);
  core.logger.error('output does not match the contract', { method, issues: describeIssues(checked.error) });
  return fail('INTERNAL', 'Something went wrong in the station; it has been logged.');
}

function describeCause(cause: unknown): string | undefined {
  if (cause === undefined) return undefined;
  if (cause instanceof Error) return `${cause.name}: ${cause.message}${cause.stack ? `\n${cause.stack}` : ''}`;
  return String(cause);
}
