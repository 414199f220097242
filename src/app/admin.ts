import { randomInt } from 'node:crypto';
import type { AdminUserView, CardPrinter } from '../contract/admin';
import { StationFailure } from '../contract/errors';
import { formatGrams, roleName } from '../domain/journal-text';
import { normaliseBadge, roleAllows, type Language, type Role, type User } from '../domain/user';
import type { Logins } from './auth';
import type { CallContext, CommonPorts } from './context';
import type { HandlerSlice } from './handlers';
import { hashPin } from './pin';
import type { DocumentRenderer } from './ports/documents';
import { toStationInfo } from './station-info';
import type { PrinterProfile, PrinterProfileRepository } from './ports/printing';
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
  renderer: Pick<DocumentRenderer, 'codeCard' | 'cardLabelPdf' | 'cardLabelZpl'>;
  /** The station's printers, for box labels and badge cards sent through the print queue. */
  printers: { profiles: Pick<PrinterProfileRepository, 'forDocument'>; printingFor(stationId: string): StationPrinting };
}

type RenderedCard = { format: 'pdf' | 'zpl' | 'epl'; bytes: Uint8Array };

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
  /**
   * The printer a badge card goes to: the label printer (card stock, ZPL or PDF) or the A4 printer
   * (the packing slips', PDF). Never a PDF folder: the card would stay on disk for anyone to reprint.
   */
  const badgePrinter = (call: CallContext, to: CardPrinter): PrinterProfile => {
    const profile = deps.printers.profiles.forDocument(call.stationId, to === 'label' ? 'label' : 'packing_slip');
    if (!profile || profile.printerKind === 'pdf_folder' || profile.format === 'epl' || (to === 'a4' && profile.format !== 'pdf'))
      throw new StationFailure(
        'BADGE_PRINTER_NEEDED',
        `Badge cards need a real ${to === 'a4' ? 'A4' : 'label'} printer at station ${call.stationId}, not a PDF folder.`,
        {
          printer: to === 'a4' ? 'A4' : readerLanguage(call) === 'pl' ? 'etykiet' : 'label',
        },
      );
    return profile;
  };
  /** The card in the printer's language; rendered before anything is written, so a failure changes nothing. */
  const renderCard = async (who: { name: string; role: Role }, badge: string, call: CallContext, to: CardPrinter, profile: PrinterProfile) => {
    const input = {
      kind: 'badge' as const,
      title: who.name,
      subtitle: roleName(who.role, readerLanguage(call)),
      code: badge,
      note: `${call.stationId} · ${deps.clock.now().toISOString().slice(0, 10)}`,
    };
    if (to === 'a4') return { format: 'pdf' as const, bytes: await deps.renderer.codeCard(input) };
    return profile.format === 'zpl' ? deps.renderer.cardLabelZpl(input, 203) : await deps.renderer.cardLabelPdf(input);
  };
  /** Inside the caller's transaction: the card held (never on disk) and queued, journaled without its code. */
  const queueCard = (user: User, card: RenderedCard, to: CardPrinter, profile: PrinterProfile, call: CallContext, badgeChanged: boolean) => {
    const printed = deps.printers.printingFor(call.stationId).printHeld('badge_card', card, profile);
    const payload = { userName: user.name, printer: to, format: card.format, badgeChanged, printJobId: printed.job?.id ?? null };
    record(call, 'user.badge_printed', { kind: 'user', id: String(user.id) }, payload);
    return printed.job?.id ?? null;
  };
  const readerLanguage = (call: CallContext): Language => call.user?.language ?? store.stations.get(call.stationId)?.language ?? 'en';

  return {
    'admin.users': () => store.users.list().map(toView),
    'admin.user.add': async ({ name, role, language, pin, badge, card }, call) => {
      mayManage(call, role);
      const code = badge ? normaliseBadge(badge) : freshBadge(role);
      if (store.users.byBadge(code)) throw new StationFailure('BADGE_IN_USE', 'That badge code belongs to someone else already.');
      const profile = card ? badgePrinter(call, card) : null;
      const rendered = card && profile ? await renderCard({ name, role }, code, call, card, profile) : null;
      const { id, printJobId } = store.transaction(() => {
        const added = store.users.insert({ name, role, badgeCode: code, pinHash: hashPin(pin), language });
        record(call, 'user.added', { kind: 'user', id: String(added) }, { name, role, language });
        return { id: added, printJobId: card && rendered && profile ? queueCard(userById(added), rendered, card, profile, call, false) : null };
      });
      deps.logger.info('user added', { userId: id, role, by: call.user?.id });
      return { user: toView(userById(id)), badge: code, printJobId };
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
    'admin.user.badge': async ({ userId, to }, call) => {
      const user = userById(userId);
      mayManage(call, user.role);
      const profile = badgePrinter(call, to);
      const code = freshBadge(user.role);
      const rendered = await renderCard(user, code, call, to, profile);
      const printJobId = store.transaction(() => {
        store.users.setBadge(userId, code);
        return queueCard(user, rendered, to, profile, call, true);
      });
      return { badge: code, printJobId };
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
      const profile = deps.printers.profiles.forDocument(call.stationId, 'box_label') ?? deps.printers.profiles.forDocument(call.stationId, 'label');
      if (!profile) throw new StationFailure('PRINTER_NOT_SET_UP', `No label printer is set up at station ${call.stationId}.`, { kind: 'box_label' });
      if (profile.format === 'epl') throw new StationFailure('PRINTER_UNAVAILABLE', 'Box labels print in ZPL or PDF, not EPL.', { kind: profile.printerKind });
      const rendered = profile.format === 'zpl' ? deps.renderer.cardLabelZpl(input, 203) : await deps.renderer.cardLabelPdf(input);
      const printed = store.transaction(() => {
        const result = deps.printers.printingFor(call.stationId).print('box_label', rendered, {});
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
