import type { JournalEntryView } from '../../contract/journal';
import { describeEntry, entryTypeName, type EntryTextContext } from '../../domain/journal-text';
import type { Language } from '../../domain/user';
import type { CallContext, CommonPorts } from '../context';
import type { JournalEntry } from '../ports/journal';

/** The language a manager reads in: the one asked for, else their own, else their station's. */
export function readerLanguage(core: Pick<CommonPorts, 'store'>, call: Pick<CallContext, 'stationId' | 'user'>, asked?: Language): Language {
  return asked ?? call.user?.language ?? core.store.stations.get(call.stationId)?.language ?? 'en';
}

/** Names for the sentences, looked up once per call: people by id, products by SKU or id. */
export function namesFor(core: Pick<CommonPorts, 'store'>): EntryTextContext & { userName(id: number | null): string | null } {
  const people = new Map<number, string | null>();
  const products = new Map<string, string | null>();
  const userName = (id: number | null): string | null => {
    if (id === null) return null;
    if (!people.has(id)) people.set(id, core.store.users.byId(id)?.name ?? null);
    return people.get(id) ?? null;
  };
  return {
    userName,
    productName(ref) {
      const key = ref.sku !== undefined ? `sku:${ref.sku}` : `id:${ref.productId}`;
      if (!products.has(key)) {
        const product =
          ref.sku !== undefined ? core.store.catalog.productBySku(ref.sku) : ref.productId !== undefined ? core.store.catalog.productById(ref.productId) : null;
        products.set(key, product?.name ?? null);
      }
      return products.get(key) ?? null;
    },
  };
}

/** One journal entry as the screens show it: who, and the entry in words, with the record beside it. */
export function entryView(entry: JournalEntry, language: Language, names: ReturnType<typeof namesFor>): JournalEntryView {
  return {
    seq: entry.seq,
    at: entry.at,
    stationId: entry.stationId,
    actorId: entry.actorId,
    actorName: names.userName(entry.actorId),
    type: entry.type,
    typeName: entryTypeName(entry.type, language),
    text: describeEntry(entry, language, names),
    subject: entry.subject,
    payload: entry.payload,
    hash: entry.hash,
  };
}
