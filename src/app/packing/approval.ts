import { StationFailure } from '../../contract/errors';
import { normaliseBadge, type User } from '../../domain/user';
import type { Core } from '../context';
import { verifyPin } from '../pin';

export type ManagerApproval = { badge: string } | { userId: number; pin: string };

/** A manager's badge or PIN on the packer's screen: who approves an override, checked on the spot. */
export function approvingManager(core: Core, approval: ManagerApproval): User {
  const { users } = core.store;
  let user: User | null;
  if ('badge' in approval) {
    user = users.byBadge(normaliseBadge(approval.badge));
  } else {
    user = users.byId(approval.userId);
    const hash = user ? users.pinHash(user.id) : null;
    if (!hash || !verifyPin(approval.pin, hash)) user = null;
  }
  if (!user || !user.active || (user.role !== 'manager' && user.role !== 'admin')) {
    core.logger.warn('override approval refused', { by: user?.id ?? null });
    throw new StationFailure('MANAGER_REQUIRED', 'Only a manager can approve this; scan a manager badge or enter a manager PIN.');
  }
  return user;
}
