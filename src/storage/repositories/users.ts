import type { Database } from 'better-sqlite3';
import type { UserRepository } from '../../app/ports/store';
import type { Language, Role, User } from '../../domain/user';
import { badgeDigest, type BadgeKey } from '../badge-key';

interface UserRow {
  id: number;
  name: string;
  role: string;
  language: string | null;
  active: number;
}

const COLUMNS = 'id, name, role, language, active';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    language: row.language as Language | null,
    active: row.active === 1,
  };
}

/**
 * Badges are stored and looked up as the keyed hash of the normalised code, so a caps-lock scan
 * finds the same person and the database holds nothing a badge can be printed from.
 */
export function createUserRepository(db: Database, badgeKey: BadgeKey): UserRepository {
  const byBadge = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE badge_hash = ?`);
  const byId = db.prepare<[number], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const pinHash = db.prepare<[number], { pin_hash: string }>('SELECT pin_hash FROM users WHERE id = ?');
  const listActive = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users WHERE active = 1 ORDER BY name, id`);
  const list = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY active DESC, name, id`);
  const insert = db.prepare<[{ name: string; role: string; badge_hash: string; pin_hash: string; language: string | null }]>(
    'INSERT INTO users (name, role, badge_hash, pin_hash, language) VALUES (@name, @role, @badge_hash, @pin_hash, @language)',
  );
  const setLanguage = db.prepare<[string | null, number]>('UPDATE users SET language = ? WHERE id = ?');
  const setName = db.prepare<[string, number]>('UPDATE users SET name = ? WHERE id = ?');
  const setRole = db.prepare<[string, number]>('UPDATE users SET role = ? WHERE id = ?');
  const setActive = db.prepare<[number, number]>('UPDATE users SET active = ? WHERE id = ?');
  const setPinHash = db.prepare<[string, number]>('UPDATE users SET pin_hash = ? WHERE id = ?');
  const setBadge = db.prepare<[string, number]>('UPDATE users SET badge_hash = ? WHERE id = ?');

  return {
    byBadge(badgeCode) {
      const row = byBadge.get(badgeDigest(badgeKey, badgeCode));
      return row ? toUser(row) : null;
    },
    byId(id) {
      const row = byId.get(id);
      return row ? toUser(row) : null;
    },
    pinHash(id) {
      return pinHash.get(id)?.pin_hash ?? null;
    },
    listActive() {
      return listActive.all().map(toUser);
    },
    list() {
      return list.all().map(toUser);
    },
    insert(user) {
      const result = insert.run({
        name: user.name,
        role: user.role,
        badge_hash: badgeDigest(badgeKey, user.badgeCode),
        pin_hash: user.pinHash,
        language: user.language,
      });
      return Number(result.lastInsertRowid);
    },
    setLanguage(id, language) {
      setLanguage.run(language, id);
    },
    update(id, changes) {
      db.transaction(() => {
        if (changes.name !== undefined) setName.run(changes.name, id);
        if (changes.role !== undefined) setRole.run(changes.role, id);
        if (changes.language !== undefined) setLanguage.run(changes.language, id);
        if (changes.active !== undefined) setActive.run(changes.active ? 1 : 0, id);
      })();
    },
    setPinHash(id, hash) {
      setPinHash.run(hash, id);
    },
    setBadge(id, badgeCode) {
      setBadge.run(badgeDigest(badgeKey, badgeCode), id);
    },
  };
}
