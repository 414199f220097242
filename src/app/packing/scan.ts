/**
 * scan.submit, the one way in for every scan (keyboard wedge, HID scanner, a code typed by hand),
 * from dispatch to the saved step and its journal entry. What a scan means depends on where the
 * station is: logged out it is a badge; with an order open it is an item, resolved against the
 * catalogue, judged, and saved with its journal entry; between orders a known badge logs in
 * again and anything else opens an order. The station's open session and its packing rules are
 * read once per scan, in the transaction that saves it, and handed down to the desk.
 */
import type { ScanSubmitResult } from '../../contract/packing';
import { applyScan } from '../../domain/packing';
import { METHODS } from '../../contract/methods';
import { StationFailure } from '../../contract/errors';
import { normaliseBadge, roleAllows, type User } from '../../domain/user';
import type { Logins } from '../auth';
import type { CallContext } from '../context';
import type { HandlerSlice } from '../handlers';
import type { LoadedSession, PackingDesk } from './desk';
import { resolveScan } from './resolve';

export interface ScanInput {
  data: string;
  symbology: string | null;
  source: 'wedge' | 'hid' | 'manual';
}

export function scanHandlers(desk: PackingDesk, logins: Logins): HandlerSlice<'scan.submit'> {
  return { 'scan.submit': (scan, call) => submitScan(desk, logins, call, scan) };
}

async function submitScan(desk: PackingDesk, logins: Logins, call: CallContext, scan: ScanInput): Promise<ScanSubmitResult> {
  const logIn = async (): Promise<ScanSubmitResult> => ({ kind: 'login', login: await logins.withBadge(call.client, call.stationId, scan.data, undefined) });
  if (!call.user) return logIn();
  const { store, packing, events } = desk.deps;
  // Between orders a scan that is no badge opens an order: an attached station claims it at central first.
  if (desk.deps.attachment && !packing.activeAt(call.stationId) && !store.users.byBadge(normaliseBadge(scan.data)) && mayPack(call.user)) {
    await desk.admit(call, scan.data);
  }
  const handled = store.transaction((): ScanSubmitResult | 'badge' => {
    const session = packing.activeAt(call.stationId);
    if (session) return { kind: 'scanned', ...scanItem(desk, call, scan, { session, rules: packing.rules(call.stationId) }) };
    // Between orders a badge logs in again: another person's hands the station over to them.
    if (store.users.byBadge(normaliseBadge(scan.data))) return 'badge';
    requirePacker(call.user!);
    return { kind: 'opened', view: desk.openIn(call, scan.data, { session: null, rules: packing.rules(call.stationId) }) };
  });
  if (handled === 'badge') return logIn();
  if (handled.kind === 'opened') events.emit('queue.changed', { stationId: null });
  return handled;
}

/** Who may open an order by scan: whoever pack.open lets in (returns handlers may not pack). */
const PACKING_ROLES = METHODS['pack.open'].access;

function mayPack(user: User): boolean {
  return PACKING_ROLES === 'public' || roleAllows(user.role, PACKING_ROLES);
}

function requirePacker(user: User): void {
  if (PACKING_ROLES !== 'public' && !roleAllows(user.role, PACKING_ROLES)) {
    throw new StationFailure('FORBIDDEN', `Your role (${user.role}) may not pack orders.`, { role: user.role });
  }
}

const JOURNALED_RAW_LENGTH = 2000;

/**
 * The raw scan as the journal keeps it: exactly, unless it is not well-formed text (a lone
 * surrogate) or absurdly long; then a faithful-as-possible copy, its length, and a flag saying so.
 */
export function journalRaw(data: string): { raw: string; rawLength?: number; rawAltered?: true } {
  const wellFormed = data.toWellFormed();
  if (wellFormed === data && data.length <= JOURNALED_RAW_LENGTH) return { raw: data };
  return { raw: wellFormed.slice(0, JOURNALED_RAW_LENGTH), rawLength: data.length, rawAltered: true };
}

/**
 * What the session and the journal keep of someone's badge scanned over an open order: whose it
 * was, never the code, which would let anyone reading the journal print the badge. The space
 * keeps it from ever answering a serial or lot prompt.
 */
const BADGE_SCAN = 'staff badge';

/** A scan of an item while an order is open: resolved against the catalogue, judged, saved, journaled. */
function scanItem(desk: PackingDesk, call: CallContext, scan: ScanInput, loaded: LoadedSession) {
  const { store, packing, clock } = desk.deps;
  const catalogue = resolveScan(store, scan.data, scan.symbology, clock.now());
  // An item or a box wins should its code ever equal someone's badge.
  const badgeOf = catalogue.kind === 'product' || catalogue.kind === 'box' ? null : store.users.byBadge(scan.data);
  const resolved = badgeOf ? { kind: 'other' as const, text: BADGE_SCAN } : catalogue;
  return desk.step(
    call,
    'pack.scan',
    ({ record }, rules) =>
      applyScan(record.state, resolved, badgeOf ? BADGE_SCAN : scan.data, {
        today: clock.now().toISOString().slice(0, 10),
        bulkThreshold: rules.bulkThreshold,
        serialShipped: (productId, serial) => packing.serialShipped(productId, serial),
      }),
    { ...(badgeOf ? { raw: BADGE_SCAN, badgeOf: badgeOf.id } : journalRaw(scan.data)), symbology: scan.symbology, source: scan.source },
    loaded,
  );
}
