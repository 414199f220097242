/**
 * createStation: the composition of the core. Hosts pass adapters (StationPorts); each feature
 * (auth, packing and scans, documents and printing, sync, video, review) gets only the ports it
 * names in its own Deps, built here once. What completing an order sets off is declared here and
 * nowhere else (the Completion below), and each feature contributes its slice of handlers; the
 * slices add up to the contract's methods, which one dispatcher serves.
 */
import { authHandlers, Logins } from './auth';
import { METHODS } from '../contract/methods';
import { roleAllows, type Role, type User } from '../domain/user';
import { createDispatch, type Dispatch } from './dispatch';
import { CarrierShipmentWorker, carrierLabelsFrom, carrierShipmentsOnPacked, shopTrackingNumbers } from './carriers/shipments';
import type { CarrierKind, LabelSource } from './ports/carriers';
import { closeCarrierDay, type HandoverResult } from './carriers/handover';
import { carrierHandlers } from './carriers/handlers';
import { StationFailure } from '../contract/errors';
import type { PackedOrder } from './ports';
import { printingHandlers } from './documents/handlers';
import { labelHandlers, labelsNotPrinted } from './documents/labels';
import { carrierLabelPrinter, createStationPrinting } from './documents/printing';
import { createStationDocuments, type StationDocuments } from './documents/station-documents';
import type { Client, CommonPorts } from './context';
import type { EventListener } from './events';
import type { StationEvent } from '../contract/events';
import { EventStream, withShiftHints } from './events';
import type { Handlers } from './handlers';
import { orderHandlers } from './orders';
import type { Completion } from './packing/complete';
import { composeCentral, type StationCentral } from './central/compose';
import { centralHandlers } from './central/handlers';
import type { RemoteClipAnswer } from './central/remote-clips';
import { PackingDesk } from './packing/desk';
import { packingHandlers } from './packing/handlers';
import { toReadingView } from './packing/scale';
import { scanHandlers } from './packing/scan';
import type { StationPorts } from './ports';
import { healthHandlers } from './health';
import { settingsHandlers } from './settings';
import { SyncEngine } from './sync/engine';
import { syncHandlers } from './sync/handlers';
import { shopLabelsTo } from './sync/labels';
import { shopOutbox } from './sync/outbox-handler';
import { mayReadOrder, reviewHandlers } from './review/handlers';
import { journalHandlers } from './review/journal';
import { shiftHandlers } from './shift/view';
import { adminHandlers } from './admin';
import { returnsHandlers } from './returns/handlers';
import { sweepMissedDeadlines } from './returns/decide';
import type { DeskDeps } from './returns/deps';
import { ReturnsDesk } from './returns/desk';
import { statisticsHandlers } from './statistics/handlers';
import { videoHandlers } from './video/handlers';
import { applyRetention } from './video/retention';
import { VideoDesk } from './video/recorder';

/** The station core as hosts see it: one dispatcher, one event stream, and the housekeeping hooks. */
export interface Station {
  dispatch: Dispatch;
  events: { subscribe(listener: EventListener): () => void };
  /** Ends logins idle for longer than their station allows; hosts call this on a timer. */
  expireIdleLogins(): void;
  /** Starts the devices the core reads itself (HID scanners, the scale); stop() releases them. */
  startDevices(): void;
  stopDevices(): void;
  /** Documents owed on completion, carrier shipments and every station's print queue; long-lived hosts start them. */
  documents: Pick<StationDocuments, 'start' | 'stop' | 'drain'>;
  /** The end-of-day handover per carrier (`packdesk handover`); refuses with a StationFailure where there is no carrier or nothing to hand over. */
  carriers: { handover(kind: CarrierKind, date: string): Promise<HandoverResult> };
  /** The shop sync: one run at a time, started by the sync worker, `packdesk sync` or the screen. */
  sync: Pick<SyncEngine, 'runOnce' | 'status' | 'testConnection'>;
  /** Video housekeeping for a timer: closes clips a crashed recorder left open, applies retention. */
  videoHousekeeping(): void;
  /** Returns housekeeping for a timer: journals each return deadline that passed untouched, once. */
  returnsHousekeeping(): void;
  /** Absolute paths of a clip and of an exported evidence package, for hosts that serve them. */
  mediaFile(kind: 'clip' | 'evidence', id: string): string | null;
  /**
   * Whether a client may be served a clip or an evidence package: logged in (at any station) as a
   * manager, or as a returns handler for a clip of an order that has a return.
   */
  mayReview(client: Client, media: { kind: 'clip' | 'evidence'; id: string }): 'yes' | 'NOT_LOGGED_IN' | 'FORBIDDEN';
  /** Central, when attached: the leases' renewal and the courier, which hosts run (central/compose). */
  central: StationCentral | null;
  /**
   * A clip recorded at another station, played through central (`stationId` recorded it), whole or
   * the asked byte range, for a client allowed to review it here (the rules of mayReview).
   */
  remoteClip(client: Client, stationId: string, segmentId: number, range: string | null): Promise<RemoteClipAnswer>;
  /** What hosts need to know of their clients' logins (which events a client may hear, renewing a key). */
  logins: StationLogins;
}

export interface StationLogins {
  /** Moves a client's live logins to a new key: a browser's cookie is renewed when it logs in. */
  rekey(from: Client, to: Client): void;
  /**
   * Names the client that is the station's own screen (Electron's window): the station's scanner
   * logs it in when nobody is logged in there.
   */
  setScreen(stationId: string, client: Client): void;
  /**
   * Whether a client showing a station hears an event: one meant for a login only in that login's
   * client, the others only while the client is logged in at the station.
   */
  hears(client: Client, stationId: string, event: StationEvent): boolean;
}

/** Who may watch any clip and take evidence. */
const MANAGERS = METHODS['review.evidence'].access as readonly Role[];
const SHIFT_VIEWERS = METHODS['shift.view'].access as readonly Role[];

/** A recorder sends a chunk a second; a minute of silence means its page or browser is gone. */
const ABANDONED_AFTER_MS = 60_000;

/**
 * Whether a scan read by the core goes to the screen as it is, as at the returns desk (returns
 * handlers, and managers at a returns station with no order open), instead of through scan.submit.
 */
function scansGoToScreen(role: Role, stationKind: string, packing: boolean): boolean {
  if (role === 'returns') return true;
  return stationKind === 'returns' && roleAllows(role, MANAGERS) && !packing;
}

export function createStation(ports: StationPorts): Station {
  const events = new EventStream();
  const { store, clock, logger } = ports;
  const journal = withShiftHints(ports.journal, events);
  // Each feature gets what it uses (its Deps), never the whole of StationPorts.
  const common: CommonPorts = { store, journal, clock, logger, events, stationId: ports.stationId };
  // A carrier's label is the parcel's one label: the document worker prints it from the carrier
  // shipments the carrier worker keeps, and owes ours only for parcels no carrier ships.
  const carrierPorts = ports.carriers ?? null;
  const carrierLabelSource = carrierPorts ? carrierLabelsFrom(carrierPorts.shipments) : ports.documents.carrierLabels;
  // Exactly one label per parcel, from one source: a carrier of ours when an account takes the
  // order; else the shop's integration when it buys labels (BaseLinker with a courier) for its
  // own orders; else Packdesk's own.
  const shop = ports.sync.backendFor ? ports.sync : null;
  const labelSourceOf = (orderId: number): LabelSource => {
    const order = store.orders.byId(orderId);
    if (order && carrierPorts?.routeFor(order)) return 'carrier';
    if (shop?.links.externalId(orderId)) {
      const settings = shop.settings.settings();
      if (settings.kind === 'baselinker' && settings.baselinker?.courierCode) return 'shop';
    }
    return 'own';
  };
  const documentsDeps = {
    ...common,
    documents: { ...ports.documents, carrierLabels: carrierLabelSource },
    labelSource: (packed: PackedOrder) => labelSourceOf(packed.orderId),
  };
  const documents = createStationDocuments(documentsDeps);
  const carrierWorker = carrierPorts
    ? new CarrierShipmentWorker({
        store,
        journal,
        clock,
        logger,
        carriers: carrierPorts,
        labelSettings: ports.documents.labelSettings,
        timers: ports.documents.timers,
        labelPrinter: (stationId) => carrierLabelPrinter(ports.documents.profiles, stationId),
        onLabel: (shipment) => {
          // The label (or why it is late) is news for the parcel's label: make what is owed now.
          // Only that order's: retrying every waiting label at each arrival made a long queue quadratic.
          ports.documents.requests.retryOrderNow(shipment.orderNumber, clock.now().toISOString());
          documents.requests.kick();
          events.emit('print.job.changed', { stationId: shipment.stationId, job: null });
        },
      })
    : null;
  const video = ports.video ? new VideoDesk({ ...common, packing: ports.packing, returns: ports.returns.repository, video: ports.video }) : null;
  // Kept and queued for this station's label printer without waking its print worker, as hosts
  // wired it before this moved here: the label prints when the worker next runs.
  const { archive, profiles, printQueue } = ports.documents;
  const shopLabels = shopLabelsTo(createStationPrinting({ stationId: ports.stationId, archive, profiles, printQueue, clock: () => clock.now() }));
  // A host that reaches no shop (no backend factory) tells it nothing and fetches nothing from it (`shop` above).
  const carrierLabels = shop ? shopLabels : null;
  const reviewDeps = { store, returns: ports.returns.repository };
  const central = composeCentral({ store, clock, events, ports, printLabel: shopLabels, mayRead: (user, order) => mayReadOrder(reviewDeps, user, order) });
  const { attachment, across } = central;
  // What completing an order sets off, declared here and nowhere else: the video the block policy
  // asks for is checked first; inside the completion's transaction the documents owed are recorded
  // and the shipment is written to the shop's outbox, whose drain brings back the shop's carrier
  // labels. Carrier shipments are queued first, so the documents owe those parcels the carrier's
  // label (never ours as well); the carrier worker creates them after the transaction.
  const completion: Completion = {
    checks: video ? [(call) => video.requireVideoToComplete(call)] : [],
    handedTo: [
      ...(carrierPorts && carrierWorker
        ? [carrierShipmentsOnPacked({ store, carriers: carrierPorts, labelSettings: ports.documents.labelSettings }, () => carrierWorker.kick())]
        : []),
      documents.onPacked,
      ...(shop ? [shopOutbox({ store, outbox: shop.outbox, links: shop.links, labelFromShop: (orderId) => labelSourceOf(orderId) === 'shop' })] : []),
      ...(attachment ? [attachment.onPacked] : []),
    ],
  };
  /** Who is logged in through a client, at any station. */
  const usersOf = (client: Client): User[] => store.logins.liveFor(client.key).flatMap((login) => logins.current(client, login.stationId)?.user ?? []);
  const syncDeps = {
    ...common,
    sync: ports.sync,
    secrets: ports.secrets,
    carrierLabels,
    // The shop is told the carriers' tracking numbers (or our SSCCs), never the order number when there is a real one.
    trackingFor: shopTrackingNumbers(carrierPorts?.shipments ?? null, ports.documents.requests),
    central: ports.central?.link ?? null, // attached: the shop's events go to central, which delivers each once
  };
  const syncEngine = new SyncEngine({ ...syncDeps, onProgress: (progress) => events.emit('sync.progress', progress) });
  const logins = new Logins({ ...common, packing: ports.packing });
  const desk = new PackingDesk({ ...common, packing: ports.packing, scale: ports.scale, completion, attachment });
  // Nobody inherits someone else's open order: it goes back to the queue when its packer's login
  // ends, unless the same person logged in again at the same screen.
  logins.onEnded = (login, reason, by) => {
    if (reason !== 'replaced' || by !== login.userId) desk.putBackAfterLogout(login.stationId, login.userId, login.id);
  };
  /** A carrier's day closed from a station (the CLI's, or the manager's screen): kept and printed at its manifest printer. */
  const closeDay = (stationId: string, kind: CarrierKind, date: string, actorId: number | null): Promise<HandoverResult> => {
    if (!carrierPorts) return Promise.reject(new StationFailure('VALIDATION_FAILED', 'This station holds no carrier account.'));
    const printing = documents.printingFor(stationId);
    return closeCarrierDay(
      { store, journal, clock, stationId, carriers: carrierPorts, labelSettings: ports.documents.labelSettings, printing },
      kind,
      date,
      actorId,
    );
  };
  const screens = new Map<string, Client>();
  const returnsDeps: DeskDeps = {
    ...common,
    returns: ports.returns.repository,
    shop: shop ? { outbox: shop.outbox, links: shop.links } : null,
    // As completing a parcel: under the block policy a return is decided only with its video.
    decideChecks: video ? [(call, returnNumber) => video.requireVideoToDecide(call, returnNumber)] : [],
  };
  const handlers: Handlers = {
    ...authHandlers(logins, common),
    ...orderHandlers(common, (stationId) => labelsNotPrinted(ports.documents.requests, stationId)),
    ...settingsHandlers({ ...common, version: ports.version }),
    ...healthHandlers({ ...common, version: ports.version }),
    ...packingHandlers(desk, logins),
    ...scanHandlers(desk, logins),
    ...printingHandlers(documentsDeps, documents),
    ...labelHandlers(ports.documents.requests, (orderNumber) =>
      (carrierPorts?.shipments.forOrder(orderNumber) ?? []).map((s) => ({ parcel: s.parcelNo, carrier: s.carrier, number: s.trackingNumber })),
    ),
    ...syncHandlers(syncDeps, syncEngine),
    ...carrierHandlers(common, carrierPorts, ports.secrets, (kind, date, actorId, stationId) => closeDay(stationId, kind, date, actorId)),
    ...videoHandlers(common, video, ports.video ?? null),
    ...reviewHandlers({ ...common, review: ports.review ?? null, video: ports.video ?? null, returns: ports.returns.repository, across }),
    ...journalHandlers(common, ports.review ?? null, across),
    ...adminHandlers(
      {
        ...common,
        renderer: ports.documents.renderer,
        printers: { profiles: ports.documents.profiles, printingFor: (stationId) => documents.printingFor(stationId) },
      },
      logins,
    ),
    ...shiftHandlers({
      ...common,
      packing: ports.packing,
      documents: ports.documents,
      outbox: ports.sync.outbox,
      video: ports.video ?? null,
      review: ports.review ?? null,
      returns: ports.returns.repository,
      shipments: carrierPorts?.shipments ?? null,
      across,
    }),
    ...returnsHandlers({
      ...returnsDeps,
      photos: ports.returns.photos,
      logins,
      documents: {
        renderer: ports.documents.renderer,
        labelSettings: ports.documents.labelSettings,
        profiles: ports.documents.profiles,
        printingFor: (stationId) => documents.printingFor(stationId),
      },
    }),
    ...statisticsHandlers(ports.statistics ? { store, journal, clock, logger, statistics: ports.statistics } : null, across),
    ...centralHandlers(common, attachment, across),
  };
  const dispatch = createDispatch(common, logins, handlers);
  const unsubscribes: (() => void)[] = [];

  return {
    dispatch,
    events: { subscribe: (listener) => events.subscribe(listener) },
    expireIdleLogins: () => logins.expireIdle(),
    central: central.hosts,
    logins: {
      rekey: (from, to) => void store.logins.rekey(from.key, to.key),
      setScreen: (stationId, client) => void screens.set(stationId, client),
      hears(client, stationId, event) {
        const payload = event.payload as { stationId?: string | null; loginId?: number };
        if (payload.stationId !== undefined && payload.stationId !== null && payload.stationId !== stationId) return false;
        if (typeof payload.loginId === 'number') return store.logins.byId(payload.loginId)?.clientKey === client.key;
        const login = store.logins.live(client.key, stationId);
        if (event.name === 'shift.changed') {
          // Every station's changes reach the managers' shift view, and only theirs.
          const user = login ? store.users.byId(login.userId) : null;
          return user !== null && roleAllows(user.role, SHIFT_VIEWERS);
        }
        return login !== null;
      },
    },
    documents: {
      start() {
        documents.start();
        carrierWorker?.start();
      },
      stop: async () => {
        await carrierWorker?.stop();
        await documents.stop();
      },
      async drain() {
        await carrierWorker?.drain();
        await documents.drain();
      },
    },
    sync: syncEngine,
    carriers: {
      handover: (kind, date) => closeDay(ports.stationId, kind, date, null),
    },
    mediaFile(kind, id) {
      if (kind === 'evidence') return ports.review?.evidenceFile(id) ?? null;
      const segment = /^\d+$/.test(id) ? ports.video?.segments.byId(Number(id)) : null;
      return segment?.path && segment.status !== 'deleted' ? (ports.video?.files.locate(segment.path) ?? null) : null;
    },
    remoteClip: (client, stationId, segmentId, range) => central.remoteClip(usersOf(client), stationId, segmentId, range),
    mayReview(client, media) {
      const users = usersOf(client);
      if (users.length === 0) return 'NOT_LOGGED_IN';
      if (users.some((user) => roleAllows(user.role, MANAGERS))) return 'yes';
      const segment = media.kind === 'clip' && /^\d+$/.test(media.id) ? ports.video?.segments.byId(Number(media.id)) : null;
      return segment && users.some((user) => mayReadOrder(reviewDeps, user, segment.orderNumber)) ? 'yes' : 'FORBIDDEN';
    },
    returnsHousekeeping() {
      sweepMissedDeadlines(new ReturnsDesk(returnsDeps), ports.stationId);
    },
    videoHousekeeping() {
      if (!video || !ports.video) return;
      video.closeAbandoned(ABANDONED_AFTER_MS);
      applyRetention({ ...common, video: ports.video });
    },
    startDevices() {
      const stationId = ports.stationId;
      for (const scanner of ports.scanners) {
        // HID POS scans take the same path as wedge scans; the screen learns of them by event.
        unsubscribes.push(
          scanner.onScan((scan) => {
            // The scan goes to whoever holds the station: its packer, else the last login there, else its own screen.
            const holder = logins.holderAt(stationId);
            const client = holder ? { key: holder.clientKey } : screens.get(stationId);
            if (!client) {
              ports.logger.warn('scan from the station scanner with nobody logged in; log in at the screen first', { stationId });
              return;
            }
            // At the returns desk the screen decides what a scan is (a parcel, an item of the open return): it gets the scan itself.
            const reader = holder ? store.users.byId(holder.userId) : null;
            if (
              holder &&
              reader &&
              scansGoToScreen(reader.role, store.stations.get(stationId)?.kind ?? 'packing', ports.packing.activeAt(stationId) !== null)
            ) {
              events.emit('scan.read', { stationId, loginId: holder.id, data: scan.data, symbology: scan.symbology });
              return;
            }
            void dispatch('scan.submit', { data: scan.data, symbology: scan.symbology, source: 'hid' }, { stationId, client }).then((result) => {
              const loginId = holder?.id ?? logins.current(client, stationId)?.login.id;
              if (loginId !== undefined) events.emit('scan.handled', { stationId, loginId, source: 'hid', result: result as never });
            });
          }),
        );
        scanner.start();
      }
      if (ports.scale) {
        const scale = ports.scale;
        unsubscribes.push(scale.onReading((reading) => events.emit('scale.reading', { stationId, reading: toReadingView(reading) })));
        scale.start();
      }
    },
    stopDevices() {
      for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
      for (const scanner of ports.scanners) scanner.stop();
      ports.scale?.stop();
    },
  };
}
