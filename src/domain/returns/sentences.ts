/**
 * The sentences of the returns rules in English and Polish: every refusal, warning and problem
 * the rules give is a key with params, said here in words. The desk, the CLI and the journal's
 * readers use the same words; params are filled in where {{name}} stands.
 */
import type { Language } from '../user';
import type { DecisionProblemKey } from './decision';
import type { RefusalKey, SentenceParams, WarningKey } from './eligibility';

export type SentenceKey = RefusalKey | WarningKey | DecisionProblemKey | 'too_many';

type Table = Record<SentenceKey, string>;

const en: Table = {
  order_not_shipped: 'Order {{order}} has not been shipped, so nothing of it can come back.',
  window_closed: 'The {{days}}-day return window ended on {{lastDay}} (counted from {{countedFrom}} on {{startDay}}); the customer withdrew on {{declaredOn}}.',
  not_returnable: '{{name}} ({{sku}}) cannot be returned: {{reason}}.',
  hygiene_opened: '{{name}} ({{sku}}) is a sealed hygiene product that was opened: it cannot be returned.',
  quantity_exceeds:
    'Only {{left}} of {{name}} ({{sku}}) can come back: {{shipped}} shipped, {{returnedBefore}} returned before; this return has {{requested}}.',
  serial_not_shipped: 'Serial {{serial}} of {{name}} ({{sku}}) was not shipped on order {{order}}.',
  serial_already_returned: 'Serial {{serial}} of {{name}} ({{sku}}) has already been returned.',
  serial_needed: '{{name}} ({{sku}}) is serial-numbered: scan its serial number.',
  line_not_on_order: 'That line is not on order {{order}}.',
  too_many: 'Only {{left}} more of {{name}} ({{sku}}) can come back on this order.',
  window_from_shipping: 'The delivery date is not known: the window is counted from shipping on {{startDay}}.',
  window_unknown: 'Order {{order}} has no shipping or delivery date: the return window cannot be checked.',
  hygiene_unopened_only: '{{name}} ({{sku}}) is a sealed hygiene product: it can come back only unopened.',
  outcome_needed: 'Choose how the complaint is answered.',
  outcome_not_for_type: 'A {{type}} is not answered with an outcome; decide the refund instead.',
  rejection_needs_reason: 'Say why the complaint is rejected.',
  refund_needed: 'Enter the amount for the {{outcome}}.',
  refund_not_for_outcome: 'A {{outcome}} pays no money back; leave the amount empty.',
  complaint_deemed_accepted: 'The 14 days to answer this complaint have passed: by law it counts as accepted and can no longer be rejected.',
  refund_negative: 'The refund must be a whole, non-negative amount.',
  items_needed: 'Scan what came back (or record a missing item) before deciding.',
  items_ungraded: '{{count}} item(s) still need a condition and a disposition.',
};

const pl: Table = {
  order_not_shipped: 'Zamówienie {{order}} nie zostało wysłane, więc nic z niego nie może wrócić.',
  window_closed: 'Termin zwrotu ({{days}} dni) minął {{lastDay}} (liczony od {{countedFrom}} {{startDay}}); klient odstąpił od umowy {{declaredOn}}.',
  not_returnable: '{{name}} ({{sku}}) nie podlega zwrotowi: {{reason}}.',
  hygiene_opened: '{{name}} ({{sku}}) to zapieczętowany produkt higieniczny, który został otwarty: nie podlega zwrotowi.',
  quantity_exceeds:
    'Może wrócić tylko {{left}} szt. {{name}} ({{sku}}): wysłano {{shipped}}, zwrócono wcześniej {{returnedBefore}}; ten zwrot ma {{requested}}.',
  serial_not_shipped: 'Numer seryjny {{serial}} produktu {{name}} ({{sku}}) nie został wysłany w zamówieniu {{order}}.',
  serial_already_returned: 'Numer seryjny {{serial}} produktu {{name}} ({{sku}}) został już zwrócony.',
  serial_needed: '{{name}} ({{sku}}) ma numery seryjne: zeskanuj numer seryjny.',
  line_not_on_order: 'Tej pozycji nie ma w zamówieniu {{order}}.',
  too_many: 'W tym zamówieniu może wrócić jeszcze tylko {{left}} szt. {{name}} ({{sku}}).',
  window_from_shipping: 'Data doręczenia nie jest znana: termin liczony jest od wysyłki {{startDay}}.',
  window_unknown: 'Zamówienie {{order}} nie ma daty wysyłki ani doręczenia: nie można sprawdzić terminu zwrotu.',
  hygiene_unopened_only: '{{name}} ({{sku}}) to zapieczętowany produkt higieniczny: może wrócić tylko nieotwarty.',
  outcome_needed: 'Wybierz, jak rozpatrzono reklamację.',
  outcome_not_for_type: 'Na {{type}} nie odpowiada się rozstrzygnięciem; ustal kwotę zwrotu.',
  rejection_needs_reason: 'Podaj, dlaczego reklamacja została odrzucona.',
  refund_needed: 'Wpisz kwotę dla: {{outcome}}.',
  refund_not_for_outcome: '{{outcome}} nie zwraca pieniędzy; zostaw kwotę pustą.',
  complaint_deemed_accepted: 'Minęło 14 dni na odpowiedź na tę reklamację: z mocy prawa uważa się ją za uznaną i nie można jej już odrzucić.',
  refund_negative: 'Kwota zwrotu musi być całkowita i nieujemna.',
  items_needed: 'Przed decyzją zeskanuj to, co wróciło (albo zapisz brakujący produkt).',
  items_ungraded: 'Pozycje bez stanu i dyspozycji: {{count}}.',
};

/** Params whose values are words to translate rather than data to show as they are. */
const WORD_PARAMS = new Set(['reason', 'countedFrom', 'type', 'outcome']);

/** Words for the values those params carry (why a product cannot be returned, what a window is counted from, types and outcomes). */
const values: Record<Language, Record<string, string>> = {
  en: {
    hygiene: 'a hygiene product, unsealed',
    custom_made: 'made to the customer’s order',
    other: 'the shop does not take it back',
    delivery: 'delivery',
    shipping: 'shipping',
    withdrawal: 'withdrawal',
    complaint: 'complaint',
    refused: 'refused parcel',
    exchange: 'exchange',
    repair: 'repair',
    replace: 'replacement',
    price_reduction: 'price reduction',
    refund: 'refund',
    rejected: 'rejection',
  },
  pl: {
    hygiene: 'produkt higieniczny, rozpieczętowany',
    custom_made: 'wykonany na zamówienie klienta',
    other: 'sklep go nie przyjmuje',
    delivery: 'doręczenia',
    shipping: 'wysyłki',
    withdrawal: 'zwrot',
    complaint: 'reklamację',
    refused: 'paczkę nieodebraną',
    exchange: 'wymianę',
    repair: 'naprawa',
    replace: 'wymiana',
    price_reduction: 'obniżenie ceny',
    refund: 'zwrot pieniędzy',
    rejected: 'odrzucenie',
  },
};

const tables: Record<Language, Table> = { en, pl };

export function sentenceTemplate(key: SentenceKey, language: Language): string {
  return tables[language][key];
}

/** The sentence of a key in a language, its params filled in. */
export function sentence(key: SentenceKey, params: SentenceParams, language: Language = 'en'): string {
  return tables[language][key].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) return `{{${name}}}`;
    return WORD_PARAMS.has(name) ? (values[language][String(value)] ?? String(value)) : String(value);
  });
}
