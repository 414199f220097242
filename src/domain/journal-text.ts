/**
 * Journal entries in words: the one formatter from an entry to a sentence in the reader's language
 * (EN, PL). The journal search, the order timeline and the evidence report all say an entry with
 * this, so the same entry reads the same everywhere, and no raw value (`wrong_item`,
 * `packing_slip`, `scale`) reaches a manager. Pure: names of people and products come from the
 * caller's lookups.
 */
import type { Language } from './user';

/** What the formatter reads of an entry: its type, payload and subject (the rest is shown beside it). */
export interface EntryForText {
  type: string;
  payload: Record<string, unknown>;
  subject?: { kind: string; id: string } | null;
  stationId?: string;
}

/** Names the formatter may look up; without them it says codes (a SKU, a user's number). */
export interface EntryTextContext {
  userName?(id: number): string | null;
  /** A product's name by its SKU or its id, whichever the entry carries. */
  productName?(ref: { sku?: string; productId?: number }): string | null;
}

type Words = Record<string, string>;

interface Vocabulary {
  types: Words;
  verdicts: Words;
  documents: Words;
  roles: Words;
  logoutReasons: Words;
  overrideKinds: Words;
  orderStatus: Words;
  cameraProblems: Words;
  videoModes: Words;
  videoPolicies: Words;
  syncFlags: Words;
  outboxTypes: Words;
  printerKinds: Words;
  deleteReasons: Words;
  source: Words;
  questions: Words;
  unknownType: string;
}

const EN: Vocabulary = {
  types: {
    'auth.login': 'Logged in',
    'auth.logout': 'Logged out',
    'auth.unlocked': 'PIN lock lifted',
    'pack.opened': 'Order opened',
    'pack.resumed': 'Order resumed',
    'pack.scan': 'Scan',
    'pack.quantity': 'Quantity typed',
    'pack.acknowledged': 'Error acknowledged',
    'pack.undo': 'Last scan undone',
    'pack.override': 'Manager override',
    'pack.weighed': 'Parcel weighed',
    'pack.parcel.added': 'Parcel added',
    'pack.parcel.activated': 'Parcel chosen',
    'pack.parcel.removed': 'Parcel removed',
    'pack.parcel.box': 'Box chosen',
    'pack.unit.moved': 'Item moved to another parcel',
    'pack.completed': 'Packing completed',
    'pack.put_back': 'Order put back',
    'order.released': 'Order released by a manager',
    'document.made': 'Document made',
    'document.reprinted': 'Document reprinted',
    'video.segment': 'Video clip saved',
    'video.problem': 'Camera problem',
    'video.deleted': 'Video clip deleted',
    'video.settings': 'Video settings changed',
    'evidence.exported': 'Evidence package exported',
    'journal.verified': 'Journal verified',
    'settings.packing': 'Packing rules changed',
    'settings.labels': 'Label settings changed',
    'settings.printer': 'Printer set up',
    'settings.printer.removed': 'Printer removed',
    'settings.station': 'Station changed',
    'settings.shifts': 'Shifts changed',
    'sync.settings': 'Shop connection changed',
    'sync.parked': 'Shop message set aside',
    'sync.retried': 'Shop message sent again',
    'sync.dismissed': 'Shop message dismissed',
    'sync.cancelled': 'Cancelled by the shop',
    'sync.held': 'Put on hold by the shop',
    'sync.released': 'Released by the shop',
    'sync.lines_changed': 'Lines changed by the shop',
    'sync.flagged': 'Flagged for a manager',
    'user.added': 'User added',
    'user.changed': 'User changed',
    'user.pin_reset': 'PIN reset',
    'user.badge_printed': 'Badge card printed',
    'box.saved': 'Box type saved',
    'box.label_printed': 'Box label printed',
    'returns.opened': 'Return opened',
    'returns.eligibility': 'Return checked against the rules',
    'returns.eligibility.overridden': 'Return allowed by a manager',
    'returns.item.scanned': 'Returned item scanned',
    'returns.item.graded': 'Returned item graded',
    'returns.item.disposition': 'Returned item sent on',
    'returns.item.removed': 'Returned item taken off',
    'returns.decided': 'Return decided',
    'returns.refund_decided': 'Refund decided',
    'returns.packing_error': 'Packing error found by a return',
    'returns.deadline_met': 'Return decided in time',
    'returns.deadline_missed': 'Return decided late',
    'returns.closed': 'Return closed',
  },
  verdicts: {
    accepted: 'accepted',
    line_complete: 'accepted, the line is complete',
    order_complete: 'accepted, every item is packed',
    box_chosen: 'the box was chosen',
    wrong_item: 'wrong item: it is not in this order',
    too_many: 'too many: the order needs no more of this item',
    unknown_barcode: 'the code is not known',
    bad_check_digit: 'the code was misread (its check digit is wrong)',
    invalid_barcode: 'the code could not be read',
    serial_required: 'the serial number was asked for',
    duplicate_serial: 'this serial number has already been shipped',
    lot_required: 'the lot was asked for',
    expired_lot: 'the lot has expired and was refused',
    expiry_required: 'the expiry date was asked for',
    invalid_expiry: 'the expiry date is not a valid date',
    quantity_required: 'the quantity was asked for',
    acknowledge_first: 'not counted: an error had to be acknowledged first',
  },
  documents: {
    label: 'shipping label',
    carrier_label: 'carrier’s label',
    packing_slip: 'packing slip',
    manifest: 'dispatch manifest',
    returns_receipt: 'returns receipt',
    test_page: 'test page',
    badge_card: 'badge card',
    box_label: 'box label',
  },
  roles: { packer: 'packer', manager: 'manager', returns: 'returns handler', admin: 'administrator' },
  logoutReasons: {
    logout: 'logged out',
    idle: 'logged out after being idle',
    ended_by_manager: 'the login was ended by a manager',
    replaced: 'logged out when someone else logged in on the same screen',
    user_inactive: 'logged out because the account was switched off',
  },
  overrideKinds: { force_complete: 'completing despite a box or weight problem', partial: 'a partial shipment' },
  orderStatus: { shipped: 'shipped whole', partially_shipped: 'shipped in part', ready: 'ready', on_hold: 'on hold', cancelled: 'cancelled' },
  cameraProblems: { no_camera: 'no camera found', camera_failed: 'the camera stopped', recorder_failed: 'the recording failed' },
  videoModes: { off: 'off', webcam: 'the webcam', nvr: 'an IP camera (NVR)' },
  videoPolicies: { warn: 'warn and go on', block: 'stop completion' },
  syncFlags: {
    cancelled_after_packing: 'the shop cancelled it after it was packed',
    shipped_elsewhere: 'the shop says it shipped, but this station did not pack it',
    lines_changed_while_packing: 'the shop changed its lines while it was being packed',
  },
  outboxTypes: { shipped: 'shipment', note: 'note', returned: 'return' },
  printerKinds: {
    cups: 'a CUPS printer',
    raw_tcp: 'a network label printer',
    windows: 'a Windows printer',
    pdf_folder: 'the PDF folder',
    os: 'the system printer',
  },
  deleteReasons: { age: 'older than the station keeps video', quota: 'the disk space for video was full' },
  source: { scale: 'read from the scale', typed: 'typed by hand', manual: 'typed by hand' },
  questions: { serial: 'serial number', lot: 'lot', expiry: 'expiry date', quantity: 'quantity' },
  unknownType: 'Other event',
};

const PL: Vocabulary = {
  types: {
    'auth.login': 'Logowanie',
    'auth.logout': 'Wylogowanie',
    'auth.unlocked': 'Zdjęto blokadę PIN',
    'pack.opened': 'Otwarcie zamówienia',
    'pack.resumed': 'Wznowienie zamówienia',
    'pack.scan': 'Skan',
    'pack.quantity': 'Wpisana ilość',
    'pack.acknowledged': 'Potwierdzenie błędu',
    'pack.undo': 'Cofnięcie ostatniego skanu',
    'pack.override': 'Zgoda kierownika',
    'pack.weighed': 'Ważenie paczki',
    'pack.parcel.added': 'Dodanie paczki',
    'pack.parcel.activated': 'Wybór paczki',
    'pack.parcel.removed': 'Usunięcie paczki',
    'pack.parcel.box': 'Wybór kartonu',
    'pack.unit.moved': 'Przełożenie sztuki do innej paczki',
    'pack.completed': 'Zakończenie pakowania',
    'pack.put_back': 'Odłożenie zamówienia',
    'order.released': 'Zwolnienie zamówienia przez kierownika',
    'document.made': 'Utworzenie dokumentu',
    'document.reprinted': 'Ponowny wydruk dokumentu',
    'video.segment': 'Zapis nagrania',
    'video.problem': 'Problem z kamerą',
    'video.deleted': 'Usunięcie nagrania',
    'video.settings': 'Zmiana ustawień nagrywania',
    'evidence.exported': 'Eksport pakietu dowodowego',
    'journal.verified': 'Sprawdzenie dziennika',
    'settings.packing': 'Zmiana zasad pakowania',
    'settings.labels': 'Zmiana ustawień etykiet',
    'settings.printer': 'Ustawienie drukarki',
    'settings.printer.removed': 'Usunięcie drukarki',
    'settings.station': 'Zmiana stanowiska',
    'settings.shifts': 'Ustawienie zmian',
    'sync.settings': 'Zmiana połączenia ze sklepem',
    'sync.parked': 'Wstrzymanie wiadomości do sklepu',
    'sync.retried': 'Ponowne wysłanie wiadomości do sklepu',
    'sync.dismissed': 'Odrzucenie wiadomości do sklepu',
    'sync.cancelled': 'Anulowanie przez sklep',
    'sync.held': 'Wstrzymanie przez sklep',
    'sync.released': 'Zwolnienie przez sklep',
    'sync.lines_changed': 'Zmiana pozycji przez sklep',
    'sync.flagged': 'Oznaczenie dla kierownika',
    'user.added': 'Dodanie użytkownika',
    'user.changed': 'Zmiana użytkownika',
    'user.pin_reset': 'Nowy PIN',
    'user.badge_printed': 'Wydruk identyfikatora',
    'box.saved': 'Zapis typu kartonu',
    'box.label_printed': 'Wydruk etykiety kartonu',
    'returns.opened': 'Otwarcie zwrotu',
    'returns.eligibility': 'Sprawdzenie zwrotu z zasadami',
    'returns.eligibility.overridden': 'Zgoda kierownika na zwrot',
    'returns.item.scanned': 'Skan zwróconej sztuki',
    'returns.item.graded': 'Ocena zwróconej sztuki',
    'returns.item.disposition': 'Przekazanie zwróconej sztuki',
    'returns.item.removed': 'Usunięcie zwróconej sztuki',
    'returns.decided': 'Decyzja w sprawie zwrotu',
    'returns.refund_decided': 'Decyzja o zwrocie pieniędzy',
    'returns.packing_error': 'Błąd pakowania wykryty przy zwrocie',
    'returns.deadline_met': 'Zwrot rozpatrzony w terminie',
    'returns.deadline_missed': 'Zwrot rozpatrzony po terminie',
    'returns.closed': 'Zamknięcie zwrotu',
  },
  verdicts: {
    accepted: 'przyjęty',
    line_complete: 'przyjęty, pozycja kompletna',
    order_complete: 'przyjęty, wszystko spakowane',
    box_chosen: 'wybrano karton',
    wrong_item: 'zły towar: nie ma go w tym zamówieniu',
    too_many: 'za dużo: zamówienie nie potrzebuje więcej tego towaru',
    unknown_barcode: 'nieznany kod',
    bad_check_digit: 'źle odczytany kod (błędna cyfra kontrolna)',
    invalid_barcode: 'kodu nie dało się odczytać',
    serial_required: 'poproszono o numer seryjny',
    duplicate_serial: 'ten numer seryjny został już wysłany',
    lot_required: 'poproszono o partię',
    expired_lot: 'partia jest przeterminowana i została odrzucona',
    expiry_required: 'poproszono o datę ważności',
    invalid_expiry: 'data ważności jest nieprawidłowa',
    quantity_required: 'poproszono o ilość',
    acknowledge_first: 'nie policzono: najpierw trzeba było potwierdzić błąd',
  },
  documents: {
    label: 'etykieta wysyłkowa',
    carrier_label: 'etykieta przewoźnika',
    packing_slip: 'dokument do paczki',
    manifest: 'protokół przekazania',
    returns_receipt: 'potwierdzenie zwrotu',
    test_page: 'strona testowa',
    badge_card: 'karta identyfikatora',
    box_label: 'etykieta kartonu',
  },
  roles: { packer: 'pakowacz', manager: 'kierownik', returns: 'obsługa zwrotów', admin: 'administrator' },
  logoutReasons: {
    logout: 'wylogowanie',
    idle: 'wylogowanie po bezczynności',
    ended_by_manager: 'logowanie zakończone przez kierownika',
    replaced: 'wylogowanie, bo na tym ekranie zalogował się ktoś inny',
    user_inactive: 'wylogowanie, bo konto zostało wyłączone',
  },
  overrideKinds: { force_complete: 'zakończenie mimo problemu z kartonem lub wagą', partial: 'wysyłkę częściową' },
  orderStatus: { shipped: 'wysłane w całości', partially_shipped: 'wysłane częściowo', ready: 'gotowe', on_hold: 'wstrzymane', cancelled: 'anulowane' },
  cameraProblems: { no_camera: 'brak kamery', camera_failed: 'kamera przestała działać', recorder_failed: 'nagrywanie się nie powiodło' },
  videoModes: { off: 'wyłączone', webcam: 'kamera internetowa', nvr: 'kamera IP (NVR)' },
  videoPolicies: { warn: 'ostrzegaj i pakuj dalej', block: 'blokuj zakończenie' },
  syncFlags: {
    cancelled_after_packing: 'sklep anulował je po spakowaniu',
    shipped_elsewhere: 'sklep podaje, że wysłano je, choć to stanowisko go nie pakowało',
    lines_changed_while_packing: 'sklep zmienił pozycje w trakcie pakowania',
  },
  outboxTypes: { shipped: 'wysyłka', note: 'notatka', returned: 'zwrot' },
  printerKinds: {
    cups: 'drukarka CUPS',
    raw_tcp: 'sieciowa drukarka etykiet',
    windows: 'drukarka Windows',
    pdf_folder: 'folder PDF',
    os: 'drukarka systemowa',
  },
  deleteReasons: { age: 'starsze niż okres przechowywania', quota: 'zabrakło miejsca na nagrania' },
  source: { scale: 'odczyt z wagi', typed: 'wpisane ręcznie', manual: 'wpisane ręcznie' },
  questions: { serial: 'numer seryjny', lot: 'partię', expiry: 'datę ważności', quantity: 'ilość' },
  unknownType: 'Inne zdarzenie',
};

const VOCABULARY: Record<Language, Vocabulary> = { en: EN, pl: PL };

/** Every entry type the station writes, in the order a manager picks them from a list. */
export const ENTRY_TYPES: readonly string[] = Object.keys(EN.types);

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A word for a raw value from a table, never the raw value itself: unknown ones are humanised. */
function word(table: Words, value: unknown): string {
  const key = str(value);
  if (key === null) return '—';
  return table[key] ?? key.replace(/[._]+/g, ' ');
}

/** The name of an entry type in the reader's language. */
export function entryTypeName(type: string, language: Language): string {
  const v = VOCABULARY[language];
  return v.types[type] ?? v.unknownType;
}

/** Grams as the scale shows them, grouped as the reader writes numbers: "8,701 g" (EN), "8 701 g" (PL). */
export function formatGrams(grams: number, language: Language): string {
  return `${Math.round(grams).toLocaleString(language === 'pl' ? 'pl-PL' : 'en-GB', { useGrouping: true })} g`;
}

/** A document kind in words (`packing_slip` → "packing slip"). */
export function documentName(kind: string, language: Language): string {
  return word(VOCABULARY[language].documents, kind);
}

/** A verdict in words (`wrong_item` → "wrong item: …"). */
export function verdictText(verdict: string, language: Language): string {
  return word(VOCABULARY[language].verdicts, verdict);
}

export function roleName(role: string, language: Language): string {
  return word(VOCABULARY[language].roles, role);
}

export function orderStatusText(status: string, language: Language): string {
  return word(VOCABULARY[language].orderStatus, status);
}

/** One entry as a sentence, e.g. "Scanned Mug (MUG-01), code 0590…: wrong item: it is not in this order." */
export function describeEntry(entry: EntryForText, language: Language, context: EntryTextContext = {}): string {
  const v = VOCABULARY[language];
  const pl = language === 'pl';
  const p = entry.payload;
  const grams = (value: unknown) => (num(value) === null ? '?' : formatGrams(num(value)!, language));
  const product = (ref: { sku?: unknown; productId?: unknown }): string => {
    const sku = str(ref.sku);
    const productId = num(ref.productId);
    const name = context.productName?.({ ...(sku ? { sku } : {}), ...(productId !== null ? { productId } : {}) }) ?? null;
    if (name && sku) return `${name} (${sku})`;
    return name ?? sku ?? (pl ? 'towar' : 'an item');
  };
  const person = (id: unknown): string => {
    const n = num(id) ?? (typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : null);
    if (n === null) return pl ? 'użytkownik' : 'a user';
    return context.userName?.(n) ?? `#${n}`;
  };
  const subjectUser = () => (entry.subject?.kind === 'user' ? person(entry.subject.id) : person(p.userId));
  const details = (): string => {
    const parts: string[] = [];
    if (str(p.serial)) parts.push(`${pl ? 'nr seryjny' : 'serial'} ${str(p.serial)}`);
    if (str(p.lot)) parts.push(`${pl ? 'partia' : 'lot'} ${str(p.lot)}`);
    if (str(p.expiry)) parts.push(`${pl ? 'ważne do' : 'expires'} ${str(p.expiry)}`);
    if (num(p.parcel) !== null && num(p.units) !== 0) parts.push(`${pl ? 'paczka' : 'parcel'} ${num(p.parcel)}`);
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
  };
  const scanned = (): string => {
    const raw = str(p.raw);
    const units = num(p.units) ?? 0;
    const what = str(p.sku) ? product(p) : null;
    const code = raw ? (pl ? `kod „${raw}”` : `code “${raw}”`) : null;
    const head = pl ? 'Zeskanowano' : 'Scanned';
    const thing = [what, code].filter(Boolean).join(', ') || (pl ? 'kod' : 'a code');
    const count = units > 1 ? ` × ${units}` : '';
    return `${head} ${thing}${count}: ${word(v.verdicts, p.verdict)}${details()}.`;
  };

  switch (entry.type) {
    case 'auth.login':
      return pl ? `Zalogowano (${word(v.roles, p.role)}).` : `Logged in as ${word(v.roles, p.role)}.`;
    case 'auth.logout': {
      const reason = word(v.logoutReasons, p.reason ?? 'logout');
      return `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`;
    }
    case 'auth.unlocked':
      return pl ? `${subjectUser()} znowu może logować się nazwiskiem i PIN-em.` : `${subjectUser()} may log in by name and PIN again.`;
    case 'pack.opened': {
      const units = num(p.units) ?? 0;
      if (units === 0) return pl ? 'Otwarto zamówienie do pakowania.' : 'Opened the order for packing.';
      return pl ? `Otwarto zamówienie (${units} szt. do spakowania).` : `Opened the order (${units} units to pack).`;
    }
    case 'pack.resumed':
      return pl
        ? `Wznowiono pakowanie tam, gdzie zostało przerwane (${num(p.units) ?? 0} szt. już spakowanych).`
        : `Resumed packing where it was left (${num(p.units) ?? 0} units already packed).`;
    case 'pack.scan':
      return scanned();
    case 'pack.quantity':
      return pl
        ? `Wpisano ilość ${num(p.quantity) ?? '?'}${str(p.sku) ? ` dla ${product(p)}` : ''}: ${word(v.verdicts, p.verdict)}.`
        : `Typed the quantity ${num(p.quantity) ?? '?'}${str(p.sku) ? ` for ${product(p)}` : ''}: ${word(v.verdicts, p.verdict)}.`;
    case 'pack.acknowledged': {
      // `cleared` is what the packer was asked: an error (with its verdict), or a serial, lot, expiry or quantity.
      const cleared = str(p.cleared);
      const verdict = str(p.verdict) ?? (cleared !== null && cleared in v.verdicts ? cleared : null);
      if (verdict !== null) return pl ? `Potwierdzono błąd: ${word(v.verdicts, verdict)}.` : `Acknowledged the error: ${word(v.verdicts, verdict)}.`;
      if (cleared !== null && cleared in v.questions)
        return pl ? `Zamknięto pytanie o ${v.questions[cleared]}.` : `Dismissed the question for the ${v.questions[cleared]}.`;
      if (cleared === 'error') return pl ? 'Potwierdzono błąd.' : 'Acknowledged the error.';
      return pl ? 'Potwierdzono komunikat.' : 'Acknowledged the message.';
    }
    case 'pack.undo':
      if (num(p.productId) !== null || str(p.sku)) {
        const count = num(p.count) ?? 1;
        const serial = str(p.serial) ? `, ${pl ? 'nr seryjny' : 'serial'} ${str(p.serial)}` : '';
        return pl ? `Cofnięto ostatni skan: wyjęto ${product(p)} × ${count}${serial}.` : `Undid the last scan: took out ${product(p)} × ${count}${serial}.`;
      }
      return pl ? 'Cofnięto pytanie o ostatni skan.' : 'Cancelled the question about the last scan.';
    case 'pack.override':
      return pl
        ? `${str(p.manager) ?? person(p.managerId)} zgodził(a) się na ${word(v.overrideKinds, p.kind)}: „${str(p.reason) ?? ''}”.`
        : `${str(p.manager) ?? person(p.managerId)} allowed ${word(v.overrideKinds, p.kind)}: “${str(p.reason) ?? ''}”.`;
    case 'pack.weighed':
      return pl
        ? `Zważono paczkę ${num(p.parcel) ?? 1}: ${grams(p.grams)} (${word(v.source, p.source)}).`
        : `Weighed parcel ${num(p.parcel) ?? 1}: ${grams(p.grams)} (${word(v.source, p.source)}).`;
    case 'pack.parcel.added':
      return pl ? `Dodano paczkę ${num(p.parcel) ?? '?'}.` : `Added parcel ${num(p.parcel) ?? '?'}.`;
    case 'pack.parcel.activated':
      return pl ? `Pakowanie do paczki ${num(p.parcel) ?? '?'}.` : `Packing into parcel ${num(p.parcel) ?? '?'}.`;
    case 'pack.parcel.removed':
      return pl ? `Usunięto paczkę ${num(p.parcel) ?? '?'}.` : `Removed parcel ${num(p.parcel) ?? '?'}.`;
    case 'pack.parcel.box': {
      const tare = num(p.tareGrams) !== null ? (pl ? `, tara ${grams(p.tareGrams)}` : `, tare ${grams(p.tareGrams)}`) : '';
      return pl
        ? `Wybrano karton ${str(p.box) ?? str(p.boxCode) ?? '?'} dla paczki ${num(p.parcel) ?? 1}${tare}.`
        : `Chose box ${str(p.box) ?? str(p.boxCode) ?? '?'} for parcel ${num(p.parcel) ?? 1}${tare}.`;
    }
    case 'pack.unit.moved':
      return pl ? `Przełożono sztukę do paczki ${num(p.parcel) ?? '?'}.` : `Moved an item into parcel ${num(p.parcel) ?? '?'}.`;
    case 'pack.completed': {
      const parcels = Array.isArray(p.parcels) ? (p.parcels as Record<string, unknown>[]) : [];
      const each = parcels.map((parcel) =>
        pl
          ? `paczka ${num(parcel.no) ?? '?'}: karton ${str(parcel.box) ?? '—'}, ${grams(parcel.grams)}, ${num(parcel.units) ?? '?'} szt.`
          : `parcel ${num(parcel.no) ?? '?'}: box ${str(parcel.box) ?? '—'}, ${grams(parcel.grams)}, ${num(parcel.units) ?? '?'} units`,
      );
      const back = num(p.backordered) ? (pl ? `; ${num(p.backordered)} szt. do dosłania` : `; ${num(p.backordered)} units left to send later`) : '';
      return pl
        ? `Zakończono pakowanie: ${word(v.orderStatus, p.status)}${each.length ? ` (${each.join('; ')})` : ''}${back}.`
        : `Completed packing: ${word(v.orderStatus, p.status)}${each.length ? ` (${each.join('; ')})` : ''}${back}.`;
    }
    case 'pack.put_back': {
      const why = str(p.reason) === 'logout' ? (pl ? ' przy wylogowaniu' : ' when its packer logged out') : '';
      return pl
        ? `Odłożono zamówienie do kolejki${why} (${num(p.units) ?? 0} szt. zostaje spakowanych).`
        : `Put the order back in the queue${why} (${num(p.units) ?? 0} units stay packed).`;
    }
    case 'order.released':
      return pl
        ? `Zwolniono zamówienie zablokowane na stanowisku ${str(p.station) ?? '?'}${str(p.packer) ? ` (pakował(a) ${str(p.packer)})` : ''}.`
        : `Released the order held at station ${str(p.station) ?? '?'}${str(p.packer) ? ` (last packed by ${str(p.packer)})` : ''}.`;
    case 'document.made': {
      const parcel = num(p.parcel) !== null ? (pl ? `, paczka ${num(p.parcel)}` : `, parcel ${num(p.parcel)}`) : '';
      const sent =
        p.printJobId === null ? (pl ? '; zachowany, nie wysłany do drukarki' : '; kept, not sent to a printer') : pl ? '; wysłany do druku' : '; sent to print';
      return pl ? `Utworzono: ${word(v.documents, p.kind)}${parcel}${sent}.` : `Made the ${word(v.documents, p.kind)}${parcel}${sent}.`;
    }
    case 'document.reprinted': {
      const parcel = num(p.parcel) !== null ? (pl ? `, paczka ${num(p.parcel)}` : `, parcel ${num(p.parcel)}`) : '';
      return pl ? `Wydrukowano ponownie: ${word(v.documents, p.kind)}${parcel}.` : `Printed the ${word(v.documents, p.kind)} again${parcel}.`;
    }
    case 'video.segment': {
      if (str(p.kind) === 'nvr')
        return pl ? `Zapisano odnośnik do nagrania kamery ${str(p.cameraId) ?? ''}.` : `Kept a link to camera ${str(p.cameraId) ?? ''}’s recording.`;
      const seconds = clipSeconds(str(p.startedAt), str(p.endedAt));
      const size = `${Math.round((num(p.bytes) ?? 0) / 1024)} kB`;
      return pl ? `Zapisano nagranie pakowania: ${seconds} s, ${size}.` : `Saved the packing video: ${seconds} s, ${size}.`;
    }
    case 'video.problem':
      return pl
        ? `Problem z kamerą: ${word(v.cameraProblems, p.problem)}${str(p.detail) ? ` (${str(p.detail)})` : ''}; zasada: ${word(v.videoPolicies, p.policy)}.`
        : `Camera problem: ${word(v.cameraProblems, p.problem)}${str(p.detail) ? ` (${str(p.detail)})` : ''}; the station’s rule: ${word(v.videoPolicies, p.policy)}.`;
    case 'video.deleted':
      return pl ? `Usunięto nagranie: ${word(v.deleteReasons, p.reason)}.` : `Deleted a video clip: ${word(v.deleteReasons, p.reason)}.`;
    case 'video.settings':
      return pl
        ? `Zmieniono nagrywanie: ${word(v.videoModes, p.mode)}; bez kamery: ${word(v.videoPolicies, p.policy)}.`
        : `Changed the recording: ${word(v.videoModes, p.mode)}; without a camera: ${word(v.videoPolicies, p.policy)}.`;
    case 'evidence.exported':
      return pl ? `Wyeksportowano pakiet dowodowy ${str(p.file) ?? ''}.` : `Exported the evidence package ${str(p.file) ?? ''}.`;
    case 'journal.verified':
      if (p.intact === false)
        return pl
          ? `Sprawdzono dziennik: USZKODZONY przy wpisie ${num(p.firstProblemSeq) ?? '?'} (sprawdzono ${num(p.entries) ?? 0} wpisów).`
          : `Checked the journal: BROKEN at entry ${num(p.firstProblemSeq) ?? '?'} (${num(p.entries) ?? 0} entries read).`;
      return pl ? `Sprawdzono dziennik: ${num(p.entries) ?? 0} wpisów nienaruszonych.` : `Checked the journal: ${num(p.entries) ?? 0} entries intact.`;
    case 'settings.packing': {
      const weigh = p.requireWeight === false ? (pl ? 'ważenie nieobowiązkowe' : 'weighing optional') : pl ? 'ważenie obowiązkowe' : 'weighing required';
      return pl
        ? `Zmieniono zasady pakowania: tolerancja wagi ±${num(p.toleranceGrams) ?? '?'} g lub ${num(p.tolerancePercent) ?? '?'}%, ilość wpisywana od ${num(p.bulkThreshold) ?? '?'} szt., ${weigh}${refusal(p, pl)}.`
        : `Changed the packing rules: weight tolerance ±${num(p.toleranceGrams) ?? '?'} g or ${num(p.tolerancePercent) ?? '?'}%, quantities typed from ${num(p.bulkThreshold) ?? '?'} units, ${weigh}${refusal(p, pl)}.`;
    }
    case 'settings.labels':
      return pl ? 'Zmieniono ustawienia etykiet wysyłkowych.' : 'Changed the shipping label settings.';
    case 'settings.printer':
      return pl
        ? `Ustawiono drukarkę dla: ${word(v.documents, p.documentKind)} (${word(v.printerKinds, p.printerKind)}).`
        : `Set the printer for the ${word(v.documents, p.documentKind)}: ${word(v.printerKinds, p.printerKind)}.`;
    case 'settings.printer.removed':
      return pl ? `Usunięto drukarkę dla: ${word(v.documents, p.documentKind)}.` : `Removed the printer for the ${word(v.documents, p.documentKind)}.`;
    case 'settings.station': {
      const changes: string[] = [];
      if (str(p.name)) changes.push(pl ? `nazwa „${str(p.name)}”` : `name “${str(p.name)}”`);
      if (str(p.language)) changes.push(pl ? `język ${languageName(str(p.language)!, language)}` : `language ${languageName(str(p.language)!, language)}`);
      if (num(p.idleLogoutMinutes) !== null)
        changes.push(pl ? `wylogowanie po ${num(p.idleLogoutMinutes)} min` : `logout after ${num(p.idleLogoutMinutes)} min idle`);
      if (typeof p.badgeOnlyLogin === 'boolean')
        changes.push(p.badgeOnlyLogin ? (pl ? 'logowanie samym identyfikatorem' : 'badge-only login') : pl ? 'logowanie z PIN-em' : 'login with PIN');
      return pl
        ? `Zmieniono stanowisko ${str(p.station) ?? entry.stationId ?? ''}: ${changes.join(', ') || 'bez zmian'}.`
        : `Changed station ${str(p.station) ?? entry.stationId ?? ''}: ${changes.join(', ') || 'no change'}.`;
    }
    case 'settings.shifts': {
      const starts = Array.isArray(p.starts) ? p.starts.map(String).join(', ') : null;
      const where = str(p.station);
      if (!starts) return pl ? `Stanowisko ${where ?? '?'} wraca do zmian magazynu.` : `Station ${where ?? '?'} follows the warehouse's shifts again.`;
      if (!where) return pl ? `Zmiany magazynu zaczynają się o ${starts}.` : `The warehouse's shifts start at ${starts}.`;
      return pl ? `Zmiany na stanowisku ${where} zaczynają się o ${starts}.` : `Shifts at station ${where} start at ${starts}.`;
    }
    case 'sync.settings':
      return pl ? `Zmieniono połączenie ze sklepem (${str(p.kind) ?? '?'}).` : `Changed the shop connection (${str(p.kind) ?? '?'}).`;
    case 'sync.parked':
      return pl
        ? `Wstrzymano wiadomość do sklepu (${word(v.outboxTypes, p.type)}) do decyzji kierownika: ${str(p.reason) ?? ''}.`
        : `Set the shop ${word(v.outboxTypes, p.type)} aside for a manager: ${str(p.reason) ?? ''}.`;
    case 'sync.retried':
      return pl
        ? `Wysłano ponownie wstrzymaną wiadomość do sklepu nr ${num(p.event) ?? '?'}.`
        : `Sent the set-aside shop message ${num(p.event) ?? '?'} again.`;
    case 'sync.dismissed':
      return pl ? `Odrzucono wstrzymaną wiadomość do sklepu nr ${num(p.event) ?? '?'}.` : `Dismissed the set-aside shop message ${num(p.event) ?? '?'}.`;
    case 'sync.cancelled':
      return pl ? 'Sklep anulował zamówienie.' : 'The shop cancelled the order.';
    case 'sync.held':
      return pl ? 'Sklep wstrzymał zamówienie.' : 'The shop put the order on hold.';
    case 'sync.released':
      return pl ? 'Sklep zwolnił wstrzymane zamówienie.' : 'The shop released the order from hold.';
    case 'sync.lines_changed':
      return pl ? 'Sklep zmienił pozycje zamówienia.' : 'The shop changed the order’s lines.';
    case 'sync.flagged':
      return pl ? `Oznaczono dla kierownika: ${word(v.syncFlags, p.reason)}.` : `Flagged for a manager: ${word(v.syncFlags, p.reason)}.`;
    case 'user.added':
      return pl
        ? `Dodano użytkownika ${str(p.name) ?? subjectUser()} (${word(v.roles, p.role)}).`
        : `Added the user ${str(p.name) ?? subjectUser()} as ${word(v.roles, p.role)}.`;
    case 'user.changed': {
      const changes: string[] = [];
      if (str(p.name)) changes.push(pl ? `nazwa „${str(p.name)}”` : `name “${str(p.name)}”`);
      if (str(p.role)) changes.push(pl ? `rola: ${word(v.roles, p.role)}` : `role: ${word(v.roles, p.role)}`);
      if (p.language === null) changes.push(pl ? 'język stanowiska' : 'the station’s language');
      else if (str(p.language)) changes.push(pl ? `język ${languageName(str(p.language)!, language)}` : `language ${languageName(str(p.language)!, language)}`);
      if (p.active === false) changes.push(pl ? 'konto wyłączone' : 'switched off');
      if (p.active === true) changes.push(pl ? 'konto włączone' : 'switched on');
      if (p.badgeChanged === true) changes.push(pl ? 'nowy identyfikator' : 'a new badge');
      const who = str(p.userName) ?? subjectUser();
      return pl ? `Zmieniono użytkownika ${who}: ${changes.join(', ') || 'bez zmian'}.` : `Changed the user ${who}: ${changes.join(', ') || 'no change'}.`;
    }
    case 'user.pin_reset':
      return pl ? `Nadano nowy PIN użytkownikowi ${str(p.userName) ?? subjectUser()}.` : `Gave ${str(p.userName) ?? subjectUser()} a new PIN.`;
    case 'user.badge_printed': {
      // Entries before the print queue name the format only: ZPL went to a label printer.
      const onLabel = p.printer === 'label' || (p.printer === undefined && str(p.format) === 'zpl');
      return pl
        ? `Wydrukowano identyfikator użytkownika ${str(p.userName) ?? subjectUser()} (${onLabel ? 'drukarka etykiet' : 'A4'}).`
        : `Printed the badge card of ${str(p.userName) ?? subjectUser()} (${onLabel ? 'label printer' : 'A4'}).`;
    }
    case 'box.saved': {
      const size = [p.lengthMm, p.widthMm, p.heightMm].every((d) => num(d) !== null) ? `${num(p.lengthMm)}×${num(p.widthMm)}×${num(p.heightMm)} mm` : '';
      const off = p.active === false ? (pl ? ', wycofany' : ', withdrawn') : '';
      return pl
        ? `Zapisano karton ${str(p.code) ?? '?'} „${str(p.name) ?? ''}”${size ? `, ${size}` : ''}, tara ${grams(p.tareGrams)}${off}.`
        : `Saved box type ${str(p.code) ?? '?'} “${str(p.name) ?? ''}”${size ? `, ${size}` : ''}, tare ${grams(p.tareGrams)}${off}.`;
    }
    case 'box.label_printed': {
      const onPrinter = num(p.printJobId) !== null;
      return pl
        ? `Wydrukowano etykietę kartonu ${str(p.code) ?? '?'}${onPrinter ? ' na drukarce etykiet' : ' (A4)'}.`
        : `Printed the label of box type ${str(p.code) ?? '?'}${onPrinter ? ' on the label printer' : ' (A4)'}.`;
    }
    case 'returns.refund_decided': {
      const money = (m: unknown, c: unknown) => (num(m) !== null ? `${(num(m)! / 100).toFixed(2)}${str(c) ? ` ${str(c)}` : ''}` : '?');
      const suggested = p.suggested as { amountMinor?: unknown; currency?: unknown } | null | undefined;
      const changed = p.changed === true && suggested ? money(suggested.amountMinor, suggested.currency) : null;
      return pl
        ? `Zwrot ${str(p.returnNumber) ?? ''}: do zwrotu ${money(p.amountMinor, p.currency)}${changed ? ` (zmieniono z proponowanych ${changed})` : ''}.`
        : `Return ${str(p.returnNumber) ?? ''}: refund ${money(p.amountMinor, p.currency)}${changed ? ` (changed from the suggested ${changed})` : ''}.`;
    }
    case 'returns.packing_error':
      return pl
        ? `Zwrot ${str(p.returnNumber) ?? ''} wykazał błąd pakowania: ${product(p)}${str(p.packer) ? ` (pakował(a) ${str(p.packer)})` : ''}.`
        : `Return ${str(p.returnNumber) ?? ''} found a packing error: ${product(p)}${str(p.packer) ? ` (packed by ${str(p.packer)})` : ''}.`;
    default:
      // The returns desk's other steps: their name and the return's number (the desk shows the details).
      if (entry.type.startsWith('returns.') && entry.type in v.types) {
        const number = str(p.returnNumber);
        const sku = str(p.sku);
        return `${v.types[entry.type]}${number ? ` ${number}` : ''}${sku ? `: ${product(p)}` : ''}.`;
      }
      return `${v.unknownType}: ${entry.type.replace(/[._]+/g, ' ')}.`;
  }
}

function refusal(p: Record<string, unknown>, pl: boolean): string {
  const parts: string[] = [];
  if (typeof p.refuseExpired === 'boolean')
    parts.push(
      p.refuseExpired
        ? pl
          ? 'przeterminowane partie odrzucane'
          : 'expired lots refused'
        : pl
          ? 'przeterminowane partie przyjmowane'
          : 'expired lots accepted',
    );
  if (typeof p.cameraPolicy === 'string')
    parts.push(p.cameraPolicy === 'block' ? (pl ? 'bez kamery blokuj' : 'no packing without a camera') : pl ? 'bez kamery ostrzegaj' : 'warn without a camera');
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

function languageName(code: string, reader: Language): string {
  const names: Record<Language, Record<string, string>> = { en: { en: 'English', pl: 'Polish' }, pl: { en: 'angielski', pl: 'polski' } };
  return names[reader][code] ?? code;
}

function clipSeconds(start: string | null, end: string | null): number {
  if (!start || !end) return 0;
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000));
}
