export const ROLES = ['packer', 'manager', 'returns', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Someone who logs in at a station. No badge code: only its keyed hash is stored, and none is read back. */
export interface User {
  id: number;
  name: string;
  role: Role;
  language: Language | null;
  active: boolean;
}

/** Managers and admins may do everything a packer or returns handler may do. */
export function roleAllows(role: Role, allowed: readonly Role[]): boolean {
  if (allowed.includes(role)) return true;
  return role === 'admin' || (role === 'manager' && !allowed.includes('admin'));
}

/** Badge scans arrive with scanner noise (spaces, lower case from caps-lock wedges). */
export function normaliseBadge(raw: string): string {
  return raw.trim().toUpperCase();
}
