import { describe, expect, it } from 'vitest';
import { checkBinding, HostConfigError, isLoopback } from '../../../src/host/binding';
import { bearerToken, tokenMatches } from '../../../src/host/token';

describe('binding the browser host', () => {
  it.each(['127.0.0.1', '127.4.5.6', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'])('treats %s as loopback', (host) => {
    expect(isLoopback(host)).toBe(true);
    expect(() => checkBinding(host, undefined)).not.toThrow();
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', '10.0.0.5', 'packdesk.local', '128.0.0.1'])('refuses %s without a token', (host) => {
    expect(isLoopback(host)).toBe(false);
    expect(() => checkBinding(host, undefined)).toThrow(HostConfigError);
    expect(() => checkBinding(host, 'short')).toThrow(/at least 16 characters/);
  });

  it('allows a non-loopback host with a long token', () => {
    expect(() => checkBinding('0.0.0.0', 'a-long-enough-token-123')).not.toThrow();
  });
});

describe('tokens', () => {
  it('reads a bearer header only', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });

  it('matches only the exact token', () => {
    expect(tokenMatches('secret-token-1234', 'secret-token-1234')).toBe(true);
    expect(tokenMatches('secret-token-1234', 'secret-token-1235')).toBe(false);
    expect(tokenMatches('secret-token-1234', '')).toBe(false);
    expect(tokenMatches('secret-token-1234', null)).toBe(false);
  });
});
