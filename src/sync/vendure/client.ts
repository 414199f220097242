import { SyncFailure } from '../../app/ports/backend';

export interface VendureConnection {
  url: string;
  /** With a user name the secret is that user's password; without, it is a bearer token. */
  username: string | null;
  secret: string | null;
  channelToken: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface GraphQlReply<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

const LOGIN = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p, rememberMe: true) {
  ... on CurrentUser { id } ... on ErrorResult { errorCode message } } }`;

/**
 * The Admin API over Node's fetch, with bearer auth: logs in once and keeps the token from
 * the `vendure-auth-token` header, logging in again when Vendure says the session is gone.
 */
export class VendureClient {
  private token: string | null;

  constructor(private readonly connection: VendureConnection) {
    this.token = connection.username ? null : connection.secret;
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    if (this.token === null) await this.login();
    try {
      return await this.send<T>(query, variables);
    } catch (error) {
      if (!(error instanceof SyncFailure) || error.kind !== 'auth' || !this.connection.username) throw error;
      await this.login();
      return this.send<T>(query, variables);
    }
  }

  private async login(): Promise<void> {
    const { username, secret } = this.connection;
    if (!username || !secret) throw new SyncFailure('auth', 'Vendure needs a user name and password, or a token.');
    this.token = null;
    const reply = await this.post<{ login: { id?: string; errorCode?: string; message?: string } }>(LOGIN, { u: username, p: secret });
    if (!reply.body.data?.login.id) {
      throw new SyncFailure(
        'auth',
        `Vendure refused the login of ${username}: ${reply.body.data?.login.message ?? reply.body.errors?.[0]?.message ?? 'no reason given'}`,
      );
    }
    const token = reply.headers.get('vendure-auth-token');
    if (!token) throw new SyncFailure('bad_response', 'Vendure did not return a bearer token; enable tokenMethod "bearer" in its authOptions.');
    this.token = token;
  }

  private async send<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const { body } = await this.post<T>(query, variables);
    const error = body.errors?.[0];
    if (error) {
      const code = error.extensions?.code;
      if (code === 'FORBIDDEN' || code === 'UNAUTHORIZED') throw new SyncFailure('auth', `Vendure: ${error.message}`);
      throw new SyncFailure('refused', `Vendure: ${error.message}${code ? ` (${code})` : ''}`);
    }
    if (!body.data) throw new SyncFailure('bad_response', 'Vendure answered without data.');
    return body.data;
  }

  private async post<T>(query: string, variables: Record<string, unknown>): Promise<{ body: GraphQlReply<T>; headers: Headers }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.connection.channelToken) headers['vendure-token'] = this.connection.channelToken;
    let response: Response;
    try {
      response = await (this.connection.fetch ?? fetch)(this.connection.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.connection.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new SyncFailure('unreachable', `Vendure at ${this.connection.url} cannot be reached: ${(error as Error).cause ?? (error as Error).message}`, {
        cause: error,
      });
    }
    if (response.status === 401 || response.status === 403) throw new SyncFailure('auth', `Vendure answered HTTP ${response.status}.`);
    if (response.status >= 500) throw new SyncFailure('unreachable', `Vendure answered HTTP ${response.status}.`);
    let body: GraphQlReply<T>;
    try {
      body = (await response.json()) as GraphQlReply<T>;
    } catch (error) {
      throw new SyncFailure('bad_response', `Vendure answered HTTP ${response.status} with something that is not JSON.`, { cause: error });
    }
    return { body, headers: response.headers };
  }
}
