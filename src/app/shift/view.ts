import { StationFailure } from '../../contract/errors';
import type { ShiftStationView, ShiftView } from '../../contract/shift';
import { lineComplete, packedOnLine } from '../../domain/packing';
import type { CallContext, CommonPorts } from '../context';
import type { HandlerSlice } from '../handlers';
import type { PackingRepository } from '../ports';
import type { DocumentPorts } from '../ports/document-requests';
import type { OutboxRepository } from '../ports/backend';
import type { ReviewPorts, VideoPorts } from '../ports/video';
import type { ReturnsRepository } from '../ports/returns';
import { PRINTED_DOCUMENT_KINDS } from '../../contract/printing';
import { DEFAULT_VIDEO_SETTINGS } from '../video/settings';
import { saveShiftPatterns, shiftAt, shiftPatterns } from './patterns';
import { endOfDay } from './end-of-day';
import { shiftViewAcross } from './floor';
import type { Across } from '../central/across';
import type { CarrierShipmentRepository } from '../ports/carriers';

/** What the shift view reads: the stations' logins, locks and packing sessions, printers, the outbox, video and the journal. */
export interface ShiftDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'events' | 'logger'> {
  packing: PackingRepository;
  documents: Pick<DocumentPorts, 'profiles' | 'printQueue' | 'printerKinds' | 'archive'>;
  outbox: OutboxRepository;
  video: VideoPorts | null;
  review: ReviewPorts | null;
  /** The returns desk's returns, for those near their deadline; null where a host keeps none. */
  returns: Pick<ReturnsRepository, 'listOpen'> | null;
  /** The carriers' shipments, for the end of the day; null where no carrier account is kept. */
  shipments: Pick<CarrierShipmentRepository, 'forDay'> | null;
  /** Attached: every station's last activity and returns due, through central. */
  across: Across;
}

/** A return is near its deadline when its last moment is this close (or past). */
export const RETURNS_DUE_WITHIN_MS = 3 * 24 * 60 * 60 * 1000;

const FAILED_PRINTS_SHOWN = 50;
const PARKED_SHOWN = 50;

/** Every station now: who is there, the order open and how far it is, devices; and what waits for a manager. */
export function shiftView(deps: ShiftDeps): Omit<ShiftView, 'floor' | 'readFrom'> {
  const { store } = deps;
  const names = new Map<number, string>();
  const nameOf = (id: number) => {
    if (!names.has(id)) names.set(id, store.users.byId(id)?.name ?? `#${id}`);
    return names.get(id)!;
  };
  const stations = store.stations.list();
  const liveBy = new Map(stations.map((s) => [s.id, store.logins.liveAt(s.id)]));
  const loggedIn = (stationId: string, userId: number) => (liveBy.get(stationId) ?? []).some((l) => l.userId === userId);
  const newest = (stationId: string, types?: string[]) =>
    deps.review?.search.search({ stationId, ...(types ? { types } : {}), limit: 1, offset: 0 }).entries[0] ?? null;

  const views: ShiftStationView[] = stations.map((station) => {
    const session = deps.packing.activeAt(station.id);
    const order = session ? store.orders.byId(session.orderId) : null;
    const state = session?.state;
    const settings = deps.video?.segments.settings(station.id) ?? DEFAULT_VIDEO_SETTINGS;
    const problem = session ? newest(station.id, ['video.problem']) : null;
    const working = new Set(
      deps.documents.profiles
        .list(station.id)
        .filter((p) => deps.documents.printerKinds.includes(p.printerKind))
        .map((p) => p.documentKind),
    );
    return {
      id: station.id,
      name: station.name,
      shift: shiftAt(store, station.id, deps.clock.now()),
      logins: (liveBy.get(station.id) ?? []).map((l) => {
        const user = store.users.byId(l.userId);
        return {
          loginId: l.id,
          userId: l.userId,
          name: user?.name ?? `#${l.userId}`,
          role: user?.role ?? 'packer',
          since: l.startedAt,
          lastActivityAt: l.lastActivityAt,
        };
      }),
      order:
        session && order && state
          ? {
              number: order.number,
              customerName: order.customerName,
              packer: nameOf(session.userId),
              packerLoggedIn: loggedIn(station.id, session.userId),
              openedAt: session.openedAt,
              units: {
                packed: state.lines.reduce((n, line) => n + Math.min(line.ordered, packedOnLine(state, line)), 0),
                ordered: state.lines.reduce((n, line) => n + line.ordered, 0),
              },
              lines: { complete: state.lines.filter((line) => lineComplete(state, line)).length, total: state.lines.length },
              parcels: state.parcels.length,
              waiting: state.pending !== null,
            }
          : null,
      lastScanAt: newest(station.id, ['pack.scan'])?.at ?? null,
      lastEntryAt: newest(station.id)?.at ?? null,
      printers: {
        missing: PRINTED_DOCUMENT_KINDS.filter((kind) => !working.has(kind) && !(kind === 'carrier_label' && working.has('label'))),
        failedJobs: deps.documents.printQueue.list(station.id, ['failed']).length,
        queuedJobs: deps.documents.printQueue.list(station.id, ['queued', 'printing']).length,
      },
      camera: {
        mode: settings.mode,
        policy: settings.policy,
        recording: (deps.video?.segments.recordingAt(station.id) ?? []).length > 0,
        problem: problem && problem.payload.sessionId === session?.id ? (problem.payload.problem as ShiftStationView['camera']['problem']) : null,
      },
    };
  });

  const stuckOrders = store.orders
    .locks()
    .filter((lock) => !loggedIn(lock.stationId, lock.userId))
    .map((lock) => ({
      orderNumber: lock.orderNumber,
      customerName: lock.customerName,
      stationId: lock.stationId,
      lockedAt: lock.lockedAt,
      packer: nameOf(lock.userId),
      unitsPacked: deps.packing.openFor(lock.orderId)?.state.units.reduce((n, u) => n + u.count, 0) ?? 0,
    }));

  const failedPrints = stations
    .flatMap((station) => deps.documents.printQueue.list(station.id, ['failed']))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, FAILED_PRINTS_SHOWN)
    .map((job) => ({
      jobId: job.id,
      stationId: job.stationId,
      documentKind: job.documentKind,
      orderNumber: deps.documents.archive.byId(job.documentId)?.orderNumber ?? null,
      reason: job.lastError,
      attempts: job.attempts,
      updatedAt: job.updatedAt,
    }));

  return {
    at: deps.clock.now().toISOString(),
    stations: views,
    stuckOrders,
    parkedSync: deps.outbox.list(['parked'], PARKED_SHOWN),
    failedPrints,
    returnsDue: (deps.returns?.listOpen({ limit: 50, dueBefore: new Date(deps.clock.now().getTime() + RETURNS_DUE_WITHIN_MS).toISOString() }) ?? []).map(
      (r) => {
        const order = store.orders.byId(r.orderId);
        return {
          returnId: r.number,
          orderNumber: order?.number ?? `#${r.orderId}`,
          deadline: r.deadline.endsAt,
          customerName: order?.customerName ?? '',
          stationId: r.stationId,
        };
      },
    ),
  };
}

/** A manager releases an order held at a station nobody is packing it at: back to the queue, progress kept. */
export function releaseOrder(deps: ShiftDeps, call: CallContext, orderNumber: string): void {
  const { store } = deps;
  const order = store.orders.byNumber(orderNumber);
  if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order matches "${orderNumber}".`, { code: orderNumber });
  store.transaction(() => {
    const lock = store.orders.locks().find((l) => l.orderId === order.id);
    if (!lock) throw new StationFailure('ORDER_NOT_LOCKED', `Order ${order.number} is not held at any station.`, { order: order.number });
    const packer = store.users.byId(lock.userId)?.name ?? `#${lock.userId}`;
    if (store.logins.liveAt(lock.stationId).some((l) => l.userId === lock.userId)) {
      throw new StationFailure('ORDER_BEING_PACKED', `${packer} is logged in at ${lock.stationId} with order ${order.number} open.`, {
        user: packer,
        station: lock.stationId,
        order: order.number,
      });
    }
    store.orders.unlock(order.id, lock.stationId);
    const session = deps.packing.openFor(order.id);
    deps.journal.append({
      type: 'order.released',
      stationId: call.stationId,
      actorId: call.user?.id ?? null,
      subject: { kind: 'order', id: order.number },
      payload: {
        station: lock.stationId,
        packer,
        packerId: lock.userId,
        lockedAt: lock.lockedAt,
        units: session?.state.units.reduce((n, u) => n + u.count, 0) ?? 0,
        sessionId: session?.id ?? null,
      },
    });
  });
  deps.logger.info('order released by a manager', { order: order.number, by: call.user?.id });
  deps.events.emit('queue.changed', { stationId: null });
}

export function shiftHandlers(
  deps: ShiftDeps,
): HandlerSlice<'shift.view' | 'shift.release' | 'shift.endOfDay' | 'shift.patterns' | 'shift.patterns.save' | 'shift.at'> {
  return {
    'shift.endOfDay': (_input, call) => endOfDay(deps, call.stationId, deps.clock.now()),
    'shift.patterns': () => shiftPatterns(deps),
    'shift.patterns.save': (input, call) => saveShiftPatterns(deps, call, input),
    'shift.at': ({ at, stationId }, call) => shiftAt(deps.store, stationId ?? call.stationId, at ? new Date(at) : deps.clock.now()),
    'shift.view': (_input, call) => shiftViewAcross(deps, call),
    'shift.release': ({ orderNumber }, call) => {
      releaseOrder(deps, call, orderNumber);
      return shiftViewAcross(deps, call);
    },
  };
}
