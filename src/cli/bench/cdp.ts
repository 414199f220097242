import type { Readable, Writable } from 'node:stream';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The least of the Chrome DevTools Protocol a benchmark needs, over the pipe Chromium opens with
 * `--remote-debugging-pipe` (it reads commands on fd 3 and writes on fd 4, each message a JSON
 * text ended by NUL). No port is opened and nothing but this process can drive the browser.
 */
export class PipeCdp {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffer = '';
  private closed: Error | null = null;

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf('\0'); end !== -1; end = this.buffer.indexOf('\0')) {
        const message = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        this.receive(JSON.parse(message) as { id?: number; result?: unknown; error?: { message: string } });
      }
    });
    fromBrowser.on('close', () => this.fail(new Error('Chromium closed its DevTools pipe')));
    fromBrowser.on('error', (error) => this.fail(error));
    toBrowser.on('error', (error) => this.fail(error));
  }

  /** Sends one command (to a page when `sessionId` names one) and resolves with its result. */
  send<T = unknown>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    const id = this.nextId++;
    const promise = new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
    this.toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return promise;
  }

  /** Attaches to the browser's first page and returns the session to send page commands to. */
  async attachToPage(): Promise<string> {
    const { targetInfos } = await this.send<{ targetInfos: { targetId: string; type: string }[] }>('Target.getTargets');
    const page = targetInfos.find((target) => target.type === 'page');
    if (!page) throw new Error('Chromium has no page open');
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId: page.targetId, flatten: true });
    return sessionId;
  }

  /** Runs `expression` in the page (awaiting a promise) and returns its value as JSON; a thrown error rejects. */
  async evaluate<T = unknown>(sessionId: string, expression: string): Promise<T> {
    const answer = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    return answer.result.value as T;
  }

  private receive(message: { id?: number; result?: unknown; error?: { message: string } }): void {
    // Events (no id) are not needed here.
    if (message.id === undefined) return;
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    this.pending.delete(message.id);
    if (message.error) waiting.reject(new Error(message.error.message));
    else waiting.resolve(message.result);
  }

  private fail(error: Error): void {
    this.closed ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
