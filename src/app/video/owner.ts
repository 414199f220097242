import { StationFailure } from '../../contract/errors';
import { ownerKey, type VideoOwner } from '../../contract/video';
import { roleAllows } from '../../domain/user';
import type { CallContext } from '../context';
import type { VideoDeps } from './recorder';

/**
 * Whose recording a segment is: a packing session open at the station, or a return open at the
 * returns desk. Both record with the same recorder into the same files; only what the frames say,
 * the QR code and the segment's owner differ.
 */
export interface RecordingOwner {
  sessionId: number | null;
  returnNumber: string | null;
  orderNumber: string;
  /** One name for the owner (`ownerKey`), for the set of failed cameras. */
  key: string;
  /** What the QR code in every frame says: enough to find the owner in this station's journal. */
  qrText: string;
}

/** What the QR code of a packing session's frames says. */
export const sessionQrText = (stationId: string, sessionId: number) => `packdesk:session:${stationId}:${sessionId}`;
/** What the QR code of a return's frames says. */
export const returnQrText = (stationId: string, returnNumber: string) => `packdesk:return:${stationId}:${returnNumber}`;

/**
 * The owner a recording may start for, or a refusal: a session only while it is the one open at
 * the caller's station, by someone who may pack; a return only while it is open (being graded),
 * by someone who may take returns.
 */
export function recordingOwner(deps: VideoDeps, call: CallContext, owner: VideoOwner): RecordingOwner {
  const user = call.user;
  if (!user) throw new StationFailure('NOT_LOGGED_IN', 'Log in first.');
  if (owner.sessionId !== undefined) {
    if (!roleAllows(user.role, ['packer'])) throw new StationFailure('FORBIDDEN', 'Only someone who packs records a packing session.', { role: user.role });
    const session = deps.packing.activeAt(call.stationId);
    if (!session || session.id !== owner.sessionId)
      throw new StationFailure('PACKING_NOT_OPEN', `Session ${owner.sessionId} is not open at ${call.stationId}.`);
    const order = deps.store.orders.byId(session.orderId);
    if (!order) throw new StationFailure('ORDER_NOT_FOUND', 'The open order is no longer in the database.');
    const sessionId = owner.sessionId;
    return { sessionId, returnNumber: null, orderNumber: order.number, key: ownerKey(owner), qrText: sessionQrText(call.stationId, sessionId) };
  }
  if (!roleAllows(user.role, ['returns'])) throw new StationFailure('FORBIDDEN', 'Only a returns handler records a return.', { role: user.role });
  const record = deps.returns.byNumber(owner.returnNumber);
  if (!record) throw new StationFailure('RETURN_NOT_FOUND', `There is no return ${owner.returnNumber}.`, { number: owner.returnNumber });
  if (record.status !== 'open') {
    throw new StationFailure('RETURN_WRONG_STATE', `Return ${record.number} has been decided; it is no longer recorded.`, {
      state: record.status,
      number: record.number,
    });
  }
  const order = deps.store.orders.byId(record.orderId);
  if (!order) throw new StationFailure('ORDER_NOT_FOUND', `The order of return ${record.number} is no longer in the database.`);
  return {
    sessionId: null,
    returnNumber: record.number,
    orderNumber: order.number,
    key: ownerKey({ returnNumber: record.number }),
    qrText: returnQrText(call.stationId, record.number),
  };
}

/** The order a camera problem is about, when the owner names one still known here; null otherwise (the station's entry then). */
export function problemOrder(deps: VideoDeps, stationId: string, owner: VideoOwner): string | null {
  if (owner.sessionId !== undefined) {
    const session = deps.packing.activeAt(stationId);
    return session?.id === owner.sessionId ? (deps.store.orders.byId(session.orderId)?.number ?? null) : null;
  }
  const record = deps.returns.byNumber(owner.returnNumber);
  return record ? (deps.store.orders.byId(record.orderId)?.number ?? null) : null;
}
