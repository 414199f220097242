/**
 * The central attachment of a station, wired in one place: the lease attachment, the console's
 * reads across stations, the courier's errands and the clips of other stations played through
 * central. createStation calls composeCentral once; a station on its own gets the pieces that
 * say so (no attachment, `notAttached`, no courier, remote clips refused).
 */
import type { User } from '../../domain/user';
import type { CommonPorts } from '../context';
import type { StationPorts } from '../ports';
import type { ShopLabelSink } from '../ports/backend';
import { notAttached, type Across } from './across';
import { CentralAttachment } from './attachment';
import { courierFor, type CentralCourier } from './courier';
import { playRemoteClip, type RemoteClipAnswer } from './remote-clips';

/**
 * Central, when attached: hosts renew the station's leases (and tell central its completions) on
 * a timer, and run the courier's long poll (clips central asks for, labels handed back).
 */
export interface StationCentral {
  renew(): Promise<void>;
  courier: CentralCourier | null;
}

export interface CentralDeps extends Pick<CommonPorts, 'store' | 'clock' | 'events'> {
  ports: Pick<StationPorts, 'central' | 'video' | 'logger' | 'stationId'>;
  /** Where a label the shop bought for an order packed here prints when central hands it back. */
  printLabel: ShopLabelSink;
  /** Whether a user logged in here may review an order (the rules of a clip recorded here). */
  mayRead(user: User, orderNumber: string): boolean;
}

export interface CentralComposition {
  /** Claims and leases of orders at central; null for a station on its own. */
  attachment: CentralAttachment | null;
  /** How the manager's console reads every station (docs/central.md). */
  across: Across;
  /** What hosts run for central; null for a station on its own. */
  hosts: StationCentral | null;
  /** A clip recorded at another station, played through central for the users logged in through the asking client. */
  remoteClip(users: readonly User[], stationId: string, segmentId: number, range: string | null): Promise<RemoteClipAnswer>;
}

export function composeCentral(deps: CentralDeps): CentralComposition {
  const { store, clock, events, ports } = deps;
  const attachment = ports.central
    ? new CentralAttachment({
        store,
        clock,
        logger: ports.logger,
        events,
        central: ports.central.link,
        book: ports.central.book,
        leaseBatch: ports.central.leaseBatch,
      })
    : null;
  // The manager's console reads every station through central when attached (docs/central.md).
  const across: Across = ports.central?.console ? { link: ports.central.console, logger: ports.logger } : notAttached;
  // A label the shop bought for an order packed here comes back through central to this printer, as it would from the shop.
  const courier = courierFor(ports, deps.printLabel);
  return {
    attachment,
    across,
    hosts: attachment ? { renew: () => attachment.renew(ports.stationId), courier } : null,
    remoteClip: (users, stationId, segmentId, range) =>
      playRemoteClip({ link: ports.central?.files ?? null, users, mayRead: deps.mayRead }, stationId, segmentId, range),
  };
}
