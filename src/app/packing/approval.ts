import { StationFailure } from '../../contract/errors';
import { normaliseBadge, type User } from '../../domain/user';
import type { Logins } from '../auth';
import type { CallContext, CommonPorts } from '../context';

export type ManagerApproval = { badge: string } | { userId: number; pin: string };

/**
 * A manager's badge or PIN on the packer's screen: who approves an override, checked on the spot.
 * A PIN goes through the station's one attempt limiter, so overrides are no way round it.
 */
export async function approvingManager(
  deps: Pick<CommonPorts, 'store' | 'logger'>,
  logins: Logins,
  call: CallContext,
  approval: ManagerApproval,
): Promise<User> {
  const { users } = deps.store;
  const user = 'badge' in approval ? users.byBadge(normaliseBadge(approval.badge)) : users.byId(approval.userId);
  if (!user || !user.active || (user.role !== 'manager' && user.role !== 'admin')) {
    deps.logger.warn('override approval refused', { by: user?.id ?? null });
    throw new StationFailure('MANAGER_REQUIRED', 'Only a manager can approve this; scan a manager badge or enter a manager PIN.');
  }
  if ('pin' in approval) {
    try {
      await logins.checkPin(call.client, user, approval.pin, { badgeShown: false });
    } catch (error) {
      deps.logger.warn('override approval refused', { by: user.id });
      if (error instanceof StationFailure && error.params?.seconds !== undefined) throw error;
      throw new StationFailure('MANAGER_REQUIRED', 'Only a manager can approve this; scan a manager badge or enter a manager PIN.');
    }
  }
  return user;
}
