import { describe, it, expect } from 'vitest';
import { hashPin, verifyPin } from '../../../src/app/pin';

describe('PIN hashing', () => {
  const stored = hashPin('4821');

  it('verifies the PIN it was made from', async () => {
    expect(await verifyPin('4821', stored)).toBe(true);
  });

  it('rejects a wrong PIN', async () => {
    expect(await verifyPin('4822', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
    expect(await verifyPin('48210', stored)).toBe(false);
  });

  it('stores the parameters, salt and key, never the PIN', () => {
    const parts = stored.split('$');
    expect(parts.slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(32);
    expect(stored).not.toContain('4821');
  });

  it('salts every hash differently', async () => {
    const again = hashPin('4821');
    expect(again).not.toBe(stored);
    expect(again.split('$')[4]).not.toBe(stored.split('$')[4]);
    expect(await verifyPin('4821', again)).toBe(true);
  });

  it('never matches a tampered or malformed hash', async () => {
    const parts = stored.split('$');
    const key = Buffer.from(parts[5]!, 'base64');
    key[0] = key[0]! ^ 1;
    const flippedKey = [...parts.slice(0, 5), key.toString('base64')].join('$');
    const otherSalt = [...parts.slice(0, 4), Buffer.alloc(16, 7).toString('base64'), parts[5]].join('$');
    const lowerCost = ['scrypt', '8192', ...parts.slice(2)].join('$');
    expect(await verifyPin('4821', flippedKey)).toBe(false);
    expect(await verifyPin('4821', otherSalt)).toBe(false);
    expect(await verifyPin('4821', lowerCost)).toBe(false);
    for (const bad of [
      '',
      '4821',
      'scrypt$16384$8$1$',
      'bcrypt' + stored.slice(6),
      stored + '$x',
      ['scrypt', '16383', ...parts.slice(2)].join('$'),
      ['scrypt', String(2 ** 30), ...parts.slice(2)].join('$'),
      [...parts.slice(0, 4), '!!!!', parts[5]].join('$'),
    ]) {
      expect(await verifyPin('4821', bad)).toBe(false);
    }
  });
});
