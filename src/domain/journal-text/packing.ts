import type { Family } from './say';
import { num, str, word } from './words';

/** Logging in and out, packing an order, releasing one. */
export const describePacking: Family = ({ entry, v, pl, p, grams, product, person, subjectUser, scanned }) => {
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
    default:
      return null;
  }
};
