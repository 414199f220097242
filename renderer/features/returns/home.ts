import { roleAllows, type Role } from '../../../src/domain/user';

export type Home = 'packing' | 'returns';

/**
 * Which desk a login lands on (issue 10): returns handlers only ever the returns desk, packers only
 * ever packing, and managers and admins the station's own kind unless they switched.
 */
export function homeOf(role: Role, stationKind: Home, managerChoice: Home | null): Home {
  if (role === 'returns') return 'returns';
  if (!roleAllows(role, ['manager'])) return 'packing';
  return managerChoice ?? stationKind;
}

/** Whether a login may switch between the desks: those who may do both, managers and admins. */
export function canSwitchDesk(role: Role): boolean {
  return roleAllows(role, ['manager']);
}
