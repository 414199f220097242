import type { Family } from './say';
import { num, str } from './words';

/** The returns desk: its decisions in full, its other steps by name and return number. */
export const describeReturns: Family = ({ entry, v, pl, p, product }) => {
  switch (entry.type) {
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
      return null;
  }
};
