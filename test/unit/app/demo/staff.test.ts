import { describe, it, expect } from 'vitest';
import { ROLES } from '../../../../src/domain/user';
import { DEMO_LOGINS, demoStations, demoUsers } from '../../../../src/app/demo/staff';

describe('demo staff', () => {
  const users = demoUsers();

  it('has packers, two managers, a returns handler and an admin', () => {
    const roles = users.map((u) => u.user.role);
    expect(roles.filter((r) => r === 'packer').length).toBeGreaterThanOrEqual(4);
    expect(roles.filter((r) => r === 'manager')).toHaveLength(2);
    expect(roles.filter((r) => r === 'returns')).toHaveLength(1);
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
    expect(new Set(roles)).toEqual(new Set(ROLES));
  });

  it('gives each person a unique badge naming their role and a four-digit PIN', () => {
    expect(new Set(users.map((u) => u.user.badgeCode)).size).toBe(users.length);
    const letter = { packer: 'P', manager: 'M', returns: 'R', admin: 'A' } as const;
    for (const { user, pin } of users) {
      expect(user.badgeCode).toMatch(new RegExp(`^PD-${letter[user.role]}-\\d{4}$`));
      expect(pin).toMatch(/^\d{4}$/);
      expect(user).not.toHaveProperty('pin');
    }
    expect(users.map((u) => u.user.name)).toContain('Zofia Wiśniewska');
  });

  it('matches the table the README lists', () => {
    expect(users.map(({ user, pin }) => ({ ...user, pin }))).toEqual(DEMO_LOGINS);
  });

  it('sets up ST-01 in English and ST-02 in Polish, logging out after 15 idle minutes', () => {
    const stations = demoStations();
    expect(stations.find((s) => s.id === 'ST-01')).toMatchObject({ name: 'Stanowisko 1', language: 'en' });
    expect(stations.find((s) => s.id === 'ST-02')).toMatchObject({ name: 'Stanowisko 2', language: 'pl' });
    expect(new Set(stations.map((s) => s.id)).size).toBe(stations.length);
    for (const s of stations) expect(s.idleLogoutMinutes).toBe(15);
  });
});
