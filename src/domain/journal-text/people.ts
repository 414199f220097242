import { languageName, type Family } from './say';
import { num, str, word } from './words';

/** People, badges and box types, run from the console. */
export const describePeople: Family = ({ entry, language, v, pl, p, grams, subjectUser }) => {
  switch (entry.type) {
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
    default:
      return null;
  }
};
