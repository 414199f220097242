import type { Database } from 'better-sqlite3';
import type { UserRepository } from '../../app/ports/store';
import { normaliseBadge, type Language, type Role, type User } from '../../domain/user';

interface UserRow {
  id: number;
  name: string;
  role: string;
  badge_code: string;
  language: string | null;
  active: number;
}

const COLUMNS = 'id, name, role, badge_code, language, active';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    badgeCode: row.badge_code,
    language: row.language as Language | null,
    active: row.active === 1,
  };
}

/** Badge codes are stored and looked up normalised, so a caps-lock scan finds the same person. */
export function createUserRepository(db: Database): UserRepository {
  const byBadge = db.prepare<[string], UserRow>(`SELECT ${COLUMNS} FROM users WHERE badge_code = ?`);
  const byId = db.prepare<[number], UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = ?`);
  const pinHash = db.prepare<[number], { pin_hash: string }>('SELECT pin_hash FROM users WHERE id = ?');
  const listActive = db.prepare<[], UserRow>(`SELECT ${COLUMNS} FROM users WHERE active = 1 ORDER BY name, id`);
  const insert = db.prepare<[{ name: string; role: string; badge_code: string; pin_hash: string; language: string | null }]>(
    'INSERT INTO users (name, role, badge_code, pin_hash, language) VALUES (@name, @role, @badge_code, @pin_hash, @language)',
  );
  const setLanguage = db.prepare<[string | null, number]>('UPDATE users SET language = ? WHERE id = ?');

  return {
    byBadge(badgeCode) {
      const row = byBadge.get(normaliseBadge(badgeCode));
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
    insert(user) {
      const result = insert.run({
        name: user.name,
        role: user.role,
        badge_code: normaliseBadge(user.badgeCode),
        pin_hash: user.pinHash,
        language: user.language,
      });
      return Number(result.lastInsertRowid);
    },
    setLanguage(id, language) {
      setLanguage.run(language, id);
    },
  };
}
