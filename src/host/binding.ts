import net from 'node:net';

/** Loopback means only this machine can reach the host, so no token is needed there. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1' || bare.startsWith('::ffff:127.');
  return false;
}

/** The names a browser on this machine uses for the station (Host headers are checked against them). */
export function loopbackNames(): string[] {
  return ['127.0.0.1', 'localhost', '[::1]'];
}

export class HostConfigError extends Error {
  override name = 'HostConfigError';
}

/** Refuses to expose the station beyond this machine without a token. */
export function checkBinding(host: string, token: string | undefined): void {
  if (isLoopback(host)) return;
  if (!token || token.length < 16) {
    throw new HostConfigError(
      `Refusing to listen on ${host} without a token: other machines could drive this station. ` +
        'Give a token of at least 16 characters with --token-file FILE or PACKDESK_TOKEN, or listen on 127.0.0.1.',
    );
  }
}
