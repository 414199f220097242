import { randomInt } from 'node:crypto';
import type { AdminUserView } from '../contract/admin';
import { StationFailure } from '../contract/errors';
import { formatGrams, roleName } from '../domain/journal-text';
import { normaliseBadge, roleAllows, type Language, type Role, type User } from '../domain/user';
import type { Logins } from './auth';
import type { CallContext, CommonPorts } from './context';
import type { HandlerSlice } from './handlers';
import { hashPin } from './pin';
import type { DocumentRenderer } from './ports/documents';
import { toStationInfo } from './station-info';
import type { PrinterProfileRepository } from './ports/printing';
import type { StationPrinting } from './documents/printing';

type AdminMethods =
  | 'admin.users'
  | 'admin.user.add'
  | 'admin.user.update'
  | 'admin.user.pin'
  | 'admin.user.badge'
  | 'admin.boxes'
  | 'admin.box.save'
  | 'admin.box.label'
  | 'admin.stations'
  | 'admin.station.save';

export interface AdminDeps extends Pick<CommonPorts, 'store' | 'journal' | 'clock' | 'logger' | 'events'> {
  renderer: Pick<DocumentRenderer, 'codeCard' | 'boxLabelPdf' | 'boxLabelZpl'>;
  /** The station's label printer, for box labels sent through the print queue. */
  labelPrinter: { profiles: Pick<PrinterProfileRepository, 'forDocument'>; printingFor(stationId: string): StationPrinting };
}

const BADGE_PREFIX: Record<Role, string> = { packer: 'P', manager: 'M', returns: 'R', admin: 'A' };
/** Letters and digits a person cannot misread on a card (no 0/O, 1/I/L). */
const BADGE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const toView = (user: User): AdminUserView => ({ id: user.id, name: user.name, role: user.role, language: user.language, active: user.active });

/** People, box types and stations run from the manager's screen; each change journaled with who made it. */
export function adminHandlers(deps: AdminDeps, logins: Logins): HandlerSlice<AdminMethods> {
  const { store, journal } = deps;
  const record = (call: CallContext, type: string, subject: { kind: 'user' | 'station'; id: string }, payload: Record<string, unknown>) =>
    journal.append({ type, stationId: call.stationId, actorId: call.user?.id ?? null, subject, payload });
  const userById = (id: number): User => {
    const user = store.users.byId(id);
    if (!user) throw new StationFailure('USER_NOT_FOUND', `There is no user ${id}.`, { userId: id });
    return user;
  };
  /** Only an administrator may give, take or change the administrator's role. */
  const mayManage = (call: CallContext, role: Role) => {
    if (role === 'admin' && !roleAllows(call.user?.role ?? 'packer', ['admin']))
      throw new StationFailure('FORBIDDEN', 'Only an administrator may manage administrators.', { role: call.user?.role ?? 'none' });
  };
  const freshBadge = (role: Role): string => {
    for (;;) {
      const code = `PD-${BADGE_PREFIX[role]}-${Array.from({ length: 8 }, () => BADGE_ALPHABET[randomInt(BADGE_ALPHABET.length)]).join('')}`;
      if (!store.users.byBadge(code)) return code;
    }
  };
  const card = async (user: User, badge: string, call: CallContext, language: Language) =>
    Buffer.from(
      await deps.renderer.codeCard({
        kind: 'badge',
        title: user.name,
        subtitle: roleName(user.role, language),
        code: badge,
        note: `${call.stationId} · ${deps.clock.now().toISOString().slice(0, 10)}`,
      }),
    ).toString('base64');
  const readerLanguage = (call: CallContext): Language => call.user?.language ?? store.stations.get(call.stationId)?.language ?? 'en';

  return {
    'admin.users': () => store.users.list().map(toView),
    'admin.user.add': async ({ name, role, language, pin, badge }, call) => {
      mayManage(call, role);
      const code = badge ? normaliseBadge(badge) : freshBadge(role);
      if (store.users.byBadge(code)) throw new StationFailure('BADGE_IN_USE', 'That badge code belongs to someone else already.');
      const id = store.transaction(() => {
        const added = store.users.insert({ name, role, badgeCode: code, pinHash: hashPin(pin), language });
        record(call, 'user.added', { kind: 'user', id: String(added) }, { name, role, language });
        return added;
      });
      const user = userById(id);
      deps.logger.info('user added', { userId: id, role, by: call.user?.id });
      return { user: toView(user), badge: code, card: await card(user, code, call, readerLanguage(call)) };
    },
    'admin.user.update': ({ userId, ...changes }, call) => {
      const user = userById(userId);
      mayManage(call, user.role);
      if (changes.role !== undefined) mayManage(call, changes.role);
      if (userId === call.user?.id && (changes.active === false || (changes.role !== undefined && changes.role !== user.role)))
        throw new StationFailure('FORBIDDEN', 'You cannot switch off your own account or change your own role.', { role: user.role });
      store.transaction(() => {
        store.users.update(userId, changes);
        record(call, 'user.changed', { kind: 'user', id: String(userId) }, { userName: changes.name ?? user.name, ...changes });
      });
      // A switched-off account is logged out everywhere at once; its open order goes back to the queue.
      if (changes.active === false)
        for (const login of store.logins.allLive().filter((l) => l.userId === userId)) logins.end(login, 'user_inactive', call.user?.id ?? null);
      return toView(userById(userId));
    },
    'admin.user.pin': ({ userId, pin }, call) => {
      const user = userById(userId);
      mayManage(call, user.role);
      store.transaction(() => {
        store.users.setPinHash(userId, hashPin(pin));
        // The journal learns that the PIN changed, never the PIN.
        record(call, 'user.pin_reset', { kind: 'user', id: String(userId) }, { userName: user.name });
      });
      return null;
    },
    'admin.user.badge': async ({ userId }, call) => {
      const user = userById(userId);
      mayManage(call, user.role);
      const code = freshBadge(user.role);
      store.transaction(() => {
        store.users.setBadge(userId, code);
        record(call, 'user.badge_printed', { kind: 'user', id: String(userId) }, { userName: user.name, format: 'pdf', badgeChanged: true });
      });
      return { badge: code, card: await card(user, code, call, readerLanguage(call)) };
    },
    'admin.boxes': () => store.catalog.allBoxes(),
    'admin.box.save': (box, call) => {
      store.transaction(() => {
        store.catalog.saveBox(box);
        record(call, 'box.saved', { kind: 'station', id: call.stationId }, { ...box });
      });
      return store.catalog.allBoxes();
    },
    'admin.box.label': async ({ code, to }, call) => {
      const box = store.catalog.allBoxes().find((b) => b.code === code);
      if (!box) throw new StationFailure('BOX_NOT_FOUND', `There is no box type ${code}.`, { box: code });
      const language = readerLanguage(call);
      const input = {
        kind: 'box' as const,
        title: box.name,
        subtitle: `${box.lengthMm}×${box.widthMm}×${box.heightMm} mm · ${language === 'pl' ? 'tara' : 'tare'} ${formatGrams(box.tareGrams, language)}`,
        code: box.code,
        note: language === 'pl' ? 'Zeskanuj przy pakowaniu, aby wybrać ten karton.' : 'Scan at the packing table to choose this box.',
      };
      if (to === 'a4') {
        const pdf = await deps.renderer.codeCard(input);
        record(call, 'box.label_printed', { kind: 'station', id: call.stationId }, { code: box.code, format: 'pdf' });
        return { card: Buffer.from(pdf).toString('base64'), printJobId: null };
      }
      // On the station's label printer, in its language, through the print queue like any document.
      const profile = deps.labelPrinter.profiles.forDocument(call.stationId, 'box_label') ?? deps.labelPrinter.profiles.forDocument(call.stationId, 'label');
      if (!profile) throw new StationFailure('PRINTER_NOT_SET_UP', `No label printer is set up at station ${call.stationId}.`, { kind: 'box_label' });
      if (profile.format === 'epl') throw new StationFailure('PRINTER_UNAVAILABLE', 'Box labels print in ZPL or PDF, not EPL.', { kind: profile.printerKind });
      const rendered = profile.format === 'zpl' ? deps.renderer.boxLabelZpl(input, 203) : await deps.renderer.boxLabelPdf(input);
      const printed = store.transaction(() => {
        const result = deps.labelPrinter.printingFor(call.stationId).print('box_label', rendered, {});
        record(
          call,
          'box.label_printed',
          { kind: 'station', id: call.stationId },
          { code: box.code, format: rendered.format, printJobId: result.job?.id ?? null },
        );
        return result;
      });
      if (!printed.job) throw new StationFailure('PRINTER_NOT_SET_UP', printed.reason ?? 'No label printer takes this label.', { kind: 'box_label' });
      return { card: null, printJobId: printed.job.id };
    },
    'admin.stations': () => store.stations.list().map(toStationInfo),
    'admin.station.save': ({ stationId, ...changes }, call) => {
      const station = store.stations.get(stationId);
      if (!station) throw new StationFailure('STATION_NOT_FOUND', `There is no station ${stationId}.`, { station: stationId });
      store.transaction(() => {
        store.stations.upsert({ ...station, ...changes });
        record(call, 'settings.station', { kind: 'station', id: stationId }, { station: stationId, ...changes });
      });
      return store.stations.list().map(toStationInfo);
    },
  };
}
