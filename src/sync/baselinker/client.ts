import { SyncFailure } from '../../app/ports/backend';
import type { SyncFailureKind } from '../../contract/sync';
import { RequestLimiter, type LimiterClock } from './limiter';

export interface BaselinkerConnection {
  url: string;
  token: string | null;
  requestsPerMinute: number;
  clock?: LimiterClock;
  fetch?: typeof fetch;
}

/** BaseLinker's error codes that mean the token, not the request, is the problem. */
const AUTH_ERRORS = new Set(['ERROR_BAD_TOKEN', 'ERROR_USER_ACCOUNT_BLOCKED', 'ERROR_EMPTY_TOKEN', 'ERROR_NO_PERMISSION']);

function kindOf(code: string): SyncFailureKind {
  if (code === 'ERROR_BLOCKED_TOKEN') return 'rate_limited';
  if (AUTH_ERRORS.has(code)) return 'auth';
  return 'refused';
}

/** The connector API: one POST endpoint, the token in X-BLToken, `method` and JSON `parameters` as form fields. */
export class BaselinkerClient {
  private readonly limiter: RequestLimiter;

  constructor(private readonly connection: BaselinkerConnection) {
    this.limiter = new RequestLimiter(connection.requestsPerMinute, 60_000, connection.clock);
  }

  async call<T>(method: string, parameters: Record<string, unknown> = {}): Promise<T> {
    if (!this.connection.token) throw new SyncFailure('auth', 'BaseLinker needs an API token (Settings → Shop sync).');
    await this.limiter.acquire();
    let response: Response;
    try {
      response = await (this.connection.fetch ?? fetch)(this.connection.url, {
        method: 'POST',
        headers: { 'X-BLToken': this.connection.token, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ method, parameters: JSON.stringify(parameters) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new SyncFailure('unreachable', `BaseLinker cannot be reached: ${(error as Error).cause ?? (error as Error).message}`, { cause: error });
    }
    if (response.status >= 500) throw new SyncFailure('unreachable', `BaseLinker answered HTTP ${response.status}.`);
    let body: { status?: string; error_code?: string; error_message?: string } & Record<string, unknown>;
    try {
      body = (await response.json()) as typeof body;
    } catch (error) {
      throw new SyncFailure('bad_response', `BaseLinker answered ${method} with something that is not JSON.`, { cause: error });
    }
    if (body.status !== 'SUCCESS') {
      const code = body.error_code ?? 'UNKNOWN';
      const hint = code === 'ERROR_BLOCKED_TOKEN' ? ' The token is blocked for going over 100 requests a minute; the station waits and tries again.' : '';
      throw new SyncFailure(kindOf(code), `BaseLinker refused ${method}: ${code}: ${body.error_message ?? ''}.${hint}`.replace('..', '.'));
    }
    return body as T;
  }
}
