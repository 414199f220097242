import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/app/demo/staff';
import { hashPin } from '../../src/app/pin';
import { bootStation, type BootedStation } from '../../src/boot/station';
import type { Result } from '../../src/contract/errors';
import { openDatabase } from '../../src/storage/db';
import { migrate } from '../../src/storage/migrate';
import { MIGRATIONS } from '../../src/storage/migrations';
import { typedCall } from '../support/station-fixture';

// A badge is a password that fits on a lanyard: whoever reads one from the database, a backup,
// a log or the journal can print it and log in as that person. Only a keyed hash is kept.

let dir: string;
let booted: BootedStation | null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-badges-'));
  booted = null;
});
afterEach(async () => {
  await booted?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function ok<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Every file under the data folder that holds one of the demo badges, in any case. */
function filesHoldingBadges(root: string): string[] {
  const badges = DEMO_LOGINS.map((l) => l.badgeCode.toLowerCase());
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => fs.lstatSync(path.join(root, name)).isFile())
    .flatMap((name) => {
      const text = fs.readFileSync(path.join(root, name)).toString('latin1').toLowerCase();
      return badges.filter((badge) => text.includes(badge)).map((badge) => `${name}: ${badge}`);
    });
}

describe('badge codes', () => {
  it('reach no file in the data folder: database, WAL, backup, log or journal', async () => {
    booted = await bootStation({ dataDir: dir, host: 'cli', seedDemoIfEmpty: true, demoOrders: 10 });
    const call = typedCall(booted.station);
    const scan = (data: string) => ok(call('scan.submit', { data, symbology: null, source: 'wedge' }));
    await scan('PD-P-0001');
    const { orders } = await ok(call('queue.list', { limit: 1, offset: 0 }));
    expect((await scan(orders[0]!.number)).kind).toBe('opened');
    // Another person's badge while an order is open is judged as a scan, and journaled as one.
    expect(await scan(' pd-p-0002 ')).toMatchObject({ kind: 'scanned' });
    await ok(call('pack.acknowledge', {}));
    await ok(call('pack.override', { kind: 'partial', reason: 'Out of stock', manager: { badge: 'pd-m-0001' } }));
    await ok(call('pack.close', {}));
    await ok(call('auth.logout', {}));
    await ok(call('auth.badge', { badge: 'PD-M-0001', pin: '7001' }));
    await ok(call('admin.backup', {}));
    await booted.close();
    booted = null;
    expect(filesHoldingBadges(dir)).toEqual([]);
  });

  it('are hashed when an older data folder is upgraded, and none is left in the database or its WAL', async () => {
    const old = openDatabase(path.join(dir, 'packdesk.sqlite'));
    migrate(
      old,
      MIGRATIONS.filter((m) => m.version < 9),
    );
    const insert = old.prepare("INSERT INTO users (name, role, badge_code, pin_hash) VALUES (?, 'packer', ?, ?)");
    for (const login of DEMO_LOGINS) insert.run(login.name, login.badgeCode, hashPin(login.pin));
    old.close();
    expect(filesHoldingBadges(dir)).toHaveLength(DEMO_LOGINS.length);
    booted = await bootStation({ dataDir: dir, host: 'cli' });
    expect(booted.store.users.byBadge('pd-p-0001')?.name).toBe('Anna Kowalska');
    expect(filesHoldingBadges(dir)).toEqual([]);
  });

  it('are kept as HMAC-SHA-256 under a 32-byte key of the data folder, and no User carries one', async () => {
    booted = await bootStation({ dataDir: dir, host: 'cli', seedDemoIfEmpty: true, demoOrders: 1 });
    const anna = booted.store.users.byBadge(' pd-p-0001 ');
    expect(anna?.name).toBe('Anna Kowalska');
    expect(anna).not.toHaveProperty('badgeCode');
    expect(booted.store.users.listActive().some((u) => 'badgeCode' in u)).toBe(false);
    await booted.close();
    booted = null;

    const key = Buffer.from(fs.readFileSync(path.join(dir, 'badge.key'), 'utf8').trim(), 'base64');
    expect(key).toHaveLength(32);
    const db = openDatabase(path.join(dir, 'packdesk.sqlite'), { readonly: true });
    try {
      const columns = db
        .prepare<[], { name: string }>("SELECT name FROM pragma_table_info('users')")
        .all()
        .map((c) => c.name);
      expect(columns).toContain('badge_hash');
      expect(columns).not.toContain('badge_code');
      const stored = db.prepare<[number], { badge_hash: string }>('SELECT badge_hash FROM users WHERE id = ?').get(anna!.id);
      expect(stored?.badge_hash).toBe(crypto.createHmac('sha256', key).update('PD-P-0001').digest('hex'));
    } finally {
      db.close();
    }
  });
});
