import { StationFailure } from '../../contract/errors';
import { MAX_PHOTO_BASE64 } from '../../contract/returns-schemas';
import { invalidRules } from '../../domain/returns/rules';
import type { CallContext } from '../context';
import type { HandlerSlice } from '../handlers';
import { requireUser } from '../packing/desk';
import type { ReturnsDeps } from './deps';
import { close, decide, override, sweepMissedDeadlines } from './decide';
import { ReturnsDesk } from './desk';
import { gradeItem, missingItem, removeItem, scanItem } from './items';
import { notOursHandlers, parcel, parcelEntry, type NotOursMethods } from './not-ours';
import { openReturn } from './open';
import { printReturnDocuments, type ReceiptForm } from './documents';
import { identify } from './identify';
import { nameOf, photoView, returnsList, returnView } from './views';

type ReturnsMethods =
  | 'returns.identify'
  | 'returns.open'
  | 'returns.get'
  | 'returns.list'
  | 'returns.item.scan'
  | 'returns.item.missing'
  | 'returns.item.grade'
  | 'returns.item.remove'
  | 'returns.eligibility.override'
  | 'returns.decide'
  | 'returns.close'
  | 'returns.receipt.print'
  | 'returns.photo.add'
  | 'returns.label.link'
  | 'returns.settings'
  | 'returns.settings.set'
  | 'returns.packingErrors';

/** The largest photo taken: the base64 the contract takes, decoded. */
export const MAX_PHOTO_BYTES = Math.floor((MAX_PHOTO_BASE64 * 3) / 4);

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isImage(bytes: Uint8Array, mimeType: 'image/jpeg' | 'image/png'): boolean {
  const magic = mimeType === 'image/jpeg' ? JPEG : PNG;
  return bytes.length > magic.length && magic.every((b, i) => bytes[i] === b);
}

export function returnsHandlers(deps: ReturnsDeps): HandlerSlice<ReturnsMethods | NotOursMethods> {
  const desk = new ReturnsDesk(deps);
  const { store, returns, clock, journal } = deps;

  const settings = () => ({ rules: returns.rules(), reasonCodes: returns.reasonCodes() });
  const printFor = async (call: CallContext, number: string, form: ReceiptForm, itemLabels: boolean) => {
    if (!deps.documents) return [];
    const record = desk.record(number);
    const order = store.orders.byId(record.orderId);
    if (!order) throw new StationFailure('ORDER_NOT_FOUND', `The order of return ${record.number} is no longer in the database.`);
    const items = returns.items(record.id);
    return printReturnDocuments(deps, deps.documents, { stationId: call.stationId, actorId: call.user?.id ?? null, record, order, items, form, itemLabels });
  };

  return {
    'returns.identify': ({ text }, call) => {
      requireUser(call);
      const found = identify(deps, text, call.user, desk.zoneOf(call.stationId));
      const single = found.candidates.length === 1 ? found.candidates[0]! : null;
      journal.append({
        type: 'returns.identified',
        stationId: call.stationId,
        actorId: call.user?.id ?? null,
        subject: single ? { kind: 'order', id: single.number } : null,
        payload: {
          raw: text.slice(0, 200),
          candidates: found.candidates.map((c) => ({ order: c.number, matchedBy: c.matchedBy })),
          notOurs: found.notOurs.map((p) => p.number),
        },
      });
      return found;
    },
    'returns.open': (input, call) => openReturn(desk, call, input),
    'returns.get': ({ number }, call) => returnView(deps, desk.record(number), call.user),
    'returns.list': ({ overdue, limit }, call) => {
      sweepMissedDeadlines(desk, call.stationId);
      return returnsList(deps, { overdue, limit }, desk.zoneOf(call.stationId));
    },
    'returns.item.scan': (input, call) => scanItem(desk, call, input),
    'returns.item.missing': (input, call) => missingItem(desk, call, input),
    'returns.item.grade': (input, call) => gradeItem(desk, call, input),
    'returns.item.remove': (input, call) => removeItem(desk, call, input),
    'returns.eligibility.override': (input, call) => override(desk, deps.logins, call, input),
    'returns.decide': async (input, call) => {
      const view = decide(desk, call, input);
      // Printed once the decision has committed; a printer's trouble never undoes it (returns.receipt.print makes it again).
      await printFor(call, view.number, 'auto', true).catch((error: unknown) =>
        deps.logger.error('the documents of a decided return could not be made', { return: view.number, error: String(error) }),
      );
      return view;
    },
    'returns.receipt.print': async ({ number, form, itemLabels }, call) => {
      requireUser(call);
      const record = desk.record(number);
      if (!deps.documents) throw new StationFailure('RETURN_WRONG_STATE', 'This station prints no documents.', { state: record.status, number });
      return { documents: await printFor(call, record.number, form, itemLabels) };
    },
    'returns.close': ({ number }, call) => close(desk, call, number),

    ...notOursHandlers(deps, desk),

    'returns.photo.add': ({ number, itemId, mimeType, data }, call) => {
      const takenBy = requireUser(call);
      const bytes = new Uint8Array(Buffer.from(data, 'base64'));
      if (bytes.length > MAX_PHOTO_BYTES) {
        throw new StationFailure('PHOTO_TOO_LARGE', `The photo is larger than ${MAX_PHOTO_BYTES} bytes.`, {
          limitMb: Math.floor(MAX_PHOTO_BYTES / 1024 / 1024),
        });
      }
      if (!isImage(bytes, mimeType)) throw new StationFailure('PHOTO_INVALID', `That is not a ${mimeType === 'image/jpeg' ? 'JPEG' : 'PNG'} photo.`);
      const record = returns.byNumber(number);
      const held = record ? null : parcel(returns, number);
      if (itemId !== undefined && (!record || returns.item(itemId)?.returnId !== record.id)) {
        throw new StationFailure('RETURN_NOT_FOUND', `Return ${number} has no item ${itemId}.`, { number });
      }
      // The file first: a photo row never points at a file that is not there.
      const file = deps.photos.write(mimeType === 'image/jpeg' ? 'photo.jpg' : 'photo.png', bytes);
      const at = clock.now().toISOString();
      return store.transaction(() => {
        const photo = returns.addPhoto({
          returnId: record?.id ?? null,
          notOursId: held?.id ?? null,
          itemId: itemId ?? null,
          path: file.path,
          mimeType,
          bytes: bytes.length,
          sha256: file.sha256,
          stationId: call.stationId,
          takenBy,
          takenAt: at,
        });
        const payload = { photoId: photo.id, itemId: itemId ?? null, sha256: file.sha256, bytes: bytes.length, mimeType };
        if (record) {
          const order = store.orders.byId(record.orderId);
          desk.journal(call, { number: order?.number ?? String(record.orderId) }, 'returns.photo', { returnNumber: record.number, ...payload });
        } else parcelEntry(journal, call, held!, 'returns.photo', payload);
        return photoView(photo);
      });
    },
    'returns.label.link': ({ orderNumber, tracking, carrier }, call) => {
      requireUser(call);
      const order = store.orders.byNumber(orderNumber);
      if (!order) throw new StationFailure('ORDER_NOT_FOUND', `No order matches "${orderNumber}".`, { code: orderNumber });
      store.transaction(() => {
        returns.linkReturnLabel(tracking, order.id, carrier ?? null, clock.now().toISOString());
        desk.journal(call, order, 'returns.label_linked', { tracking, carrier: carrier ?? null });
      });
      return null;
    },
    'returns.settings': () => settings(),
    'returns.settings.set': ({ rules, reasonCodes }, call) => {
      const next = { ...returns.rules(), ...(rules ?? {}) };
      const bad = invalidRules(next);
      if (bad.length > 0) {
        throw new StationFailure('VALIDATION_FAILED', `These returns rules are out of bounds (the law sets their minimum): ${bad.join(', ')}.`, {
          rules: bad.join(', '),
        });
      }
      store.transaction(() => {
        returns.saveRules(next);
        if (reasonCodes) returns.saveReasonCodes(reasonCodes);
        journal.append({
          type: 'settings.returns',
          stationId: call.stationId,
          actorId: call.user?.id ?? null,
          subject: { kind: 'station', id: call.stationId },
          payload: {
            rules: next,
            ...(reasonCodes ? { reasonCodes: reasonCodes.map((r) => ({ code: r.code, packingError: r.packingError, active: r.active })) } : {}),
          },
        });
      });
      return settings();
    },
    'returns.packingErrors': ({ packerId, from, to }) =>
      returns.packingErrors({ ...(packerId !== undefined ? { packerId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }).map((e) => ({
        returnNumber: e.returnNumber,
        orderNumber: e.orderNumber,
        packingSessionId: e.packingSessionId,
        packerId: e.packerId,
        packer: nameOf(deps, e.packerId),
        reasonCode: e.reasonCode,
        attributedAt: e.attributedAt,
      })),
  };
}
