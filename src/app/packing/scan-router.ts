import type { ScanSubmitResult } from '../../contract/packing';
import { normaliseBadge } from '../../domain/user';
import type { Logins } from '../auth';
import type { CallContext } from '../context';
import type { PackingDesk } from './desk';
import { scanItem } from './handlers';

export interface ScanInput {
  data: string;
  symbology: string | null;
  source: 'wedge' | 'hid' | 'manual';
}

/** What a scan means depends on where the station is: logged out, choosing an order, or packing one. */
export async function submitScan(desk: PackingDesk, logins: Logins, call: CallContext, scan: ScanInput): Promise<ScanSubmitResult> {
  if (!call.user) return { kind: 'login', session: await logins.withBadge(call.client, call.stationId, scan.data, undefined) };
  if (desk.core.packing.activeAt(call.stationId)) return { kind: 'scanned', ...scanItem(desk, call, scan) };
  // Between orders a badge logs in again: another person's hands the station over to them.
  if (desk.core.store.users.byBadge(normaliseBadge(scan.data))) return { kind: 'login', session: await logins.withBadge(call.client, call.stationId, scan.data, undefined) };
  return { kind: 'opened', view: desk.open(call, scan.data) };
}
