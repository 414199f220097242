import { languageName, type Family } from './say';
import { num, str, word } from './words';

/** Settings and the shop sync. */
export const describeSettings: Family = ({ entry, language, v, pl, p }) => {
  switch (entry.type) {
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
    case 'sync.details_changed': {
      const parts = Array.isArray(p.parts) ? p.parts.map((part) => word(v.orderDetailParts, part)).join(', ') : '?';
      return pl ? `Sklep zmienił ${parts}.` : `The shop changed ${parts}.`;
    }
    case 'sync.flagged':
      return pl ? `Oznaczono dla kierownika: ${word(v.syncFlags, p.reason)}.` : `Flagged for a manager: ${word(v.syncFlags, p.reason)}.`;
    default:
      return null;
  }
};

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
