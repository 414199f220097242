import net from 'node:net';
import type { PrinterAdapter, PrintOutcome } from '../app/ports/printing';

export const RAW_PORT = 9100;

/** "host", "host:port" or "[v6]:port" → where to connect. */
export function parseRawTarget(target: string): { host: string; port: number } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(target);
  if (v6?.[1]) return { host: v6[1], port: v6[2] ? Number(v6[2]) : RAW_PORT };
  const [host = '', port] = target.split(':');
  return { host, port: port ? Number(port) : RAW_PORT };
}

function describe(error: NodeJS.ErrnoException, target: string): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `The label printer at ${target} refused the connection (off, or not a raw 9100 printer)`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `The label printer at ${target} cannot be reached on the network`;
    case 'ENOTFOUND':
      return `The printer host in ${target} is not known`;
    default:
      return `Sending to the label printer at ${target} failed: ${error.message}`;
  }
}

/** Sends the bytes as they are to TCP 9100 (the "raw"/JetDirect port of label printers). */
export function sendRaw(target: string, bytes: Uint8Array, timeoutMs: number): Promise<PrintOutcome> {
  const { host, port } = parseRawTarget(target);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PrintOutcome): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(outcome);
    };
    const socket = net.connect({ host, port });
    socket.setTimeout(timeoutMs, () => finish({ ok: false, reason: `The label printer at ${target} did not answer within ${timeoutMs} ms` }));
    socket.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, reason: describe(error, target) }));
    socket.on('connect', () => {
      // end() flushes then half-closes; the printer closing its side means it took everything.
      socket.end(Buffer.from(bytes), () => finish({ ok: true, printerJobRef: null }));
    });
  });
}

export function createRawTcpPrinter(options: { timeoutMs?: number } = {}): PrinterAdapter {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    kind: 'raw_tcp',
    print: (profile, bytes) => sendRaw(profile.target, bytes, timeoutMs),
    // Raw printers do not announce themselves; they are entered by address.
    discover: async () => [],
  };
}
