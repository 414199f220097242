import type { TimelineEntry } from '../../../src/contract/review';
import type { VideoSegmentView } from '../../../src/contract/video';
import { VERDICTS, type Verdict } from '../../../src/domain/packing/verdict';

/** One fact about an entry, as an i18n key under `review.detail` with its values. */
export interface EntryFact {
  key: string;
  values: Record<string, string | number>;
}

/** What the timeline shows of an entry besides its time, station and person. */
export interface EntryDescription {
  /** i18n key under `review.types`; i18next reads dots as nesting, so they become underscores. */
  typeKey: string;
  verdict: Verdict | null;
  facts: EntryFact[];
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null);
const isVerdict = (value: unknown): value is Verdict => typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);

/** Reads the payloads the packing desk, documents and video write (src/app/packing, documents, video). */
export function describeEntry(entry: TimelineEntry): EntryDescription {
  const p = entry.payload;
  const facts: EntryFact[] = [];
  const add = (key: string, values: Record<string, string | number> = {}) => facts.push({ key, values });
  const raw = text(p.raw);
  if (raw !== null) add('raw', { raw });
  const sku = text(p.sku);
  if (sku !== null && entry.type === 'pack.scan') add('sku', { sku, units: typeof p.units === 'number' ? p.units : 0 });
  const serial = text(p.serial);
  if (serial !== null) add('serial', { serial });
  const lot = text(p.lot);
  if (lot !== null) add('lot', { lot });
  if (entry.type === 'pack.override') add('override', { manager: text(p.manager) ?? '?', kind: text(p.kind) ?? '?', reason: text(p.reason) ?? '' });
  if (entry.type === 'pack.weighed') add('weight', { parcel: text(p.parcel) ?? '1', grams: text(p.grams) ?? '?', source: text(p.source) ?? '' });
  if (entry.type === 'pack.parcel.box') add('box', { parcel: text(p.parcel) ?? '1', box: text(p.boxCode) ?? text(p.box) ?? '—' });
  if (entry.type === 'pack.acknowledged' && text(p.cleared)) add('cleared', { what: text(p.cleared)! });
  if (entry.type === 'pack.completed' && Array.isArray(p.parcels)) {
    for (const parcel of p.parcels as Record<string, unknown>[]) {
      add('parcel', { no: text(parcel.no) ?? '?', box: text(parcel.box) ?? '—', grams: text(parcel.grams) ?? '?', units: text(parcel.units) ?? '?' });
    }
  }
  if (entry.type.startsWith('document.')) add('document', { kind: text(p.kind) ?? '?', parcel: text(p.parcel) ?? '—' });
  if (entry.type === 'video.segment') add('clip', { seconds: clipSeconds(text(p.startedAt), text(p.endedAt)), bytes: Math.round(Number(p.bytes ?? 0) / 1024) });
  if (entry.type === 'video.problem') add('problem', { problem: text(p.problem) ?? '?', detail: text(p.detail) ?? '' });
  if (entry.type === 'evidence.exported') add('evidence', { file: text(p.file) ?? '?' });
  return { typeKey: entry.type.replace(/\./g, '_'), verdict: isVerdict(p.verdict) ? p.verdict : null, facts };
}

function clipSeconds(start: string | null, end: string | null): number {
  if (!start || !end) return 0;
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 1000));
}

/** Where in which clip an entry happened: the clip that covers its moment, else the nearest one before it. */
export function clipMoment(segments: readonly VideoSegmentView[], at: string): { segment: VideoSegmentView; seconds: number } | null {
  const moment = Date.parse(at);
  const playable = segments.filter((s) => s.kind === 'webcam' && s.status !== 'deleted');
  let best: VideoSegmentView | null = null;
  for (const segment of playable) {
    const start = Date.parse(segment.startedAt);
    const end = segment.endedAt ? Date.parse(segment.endedAt) : Number.POSITIVE_INFINITY;
    if (moment >= start && moment <= end) {
      best = segment;
      break;
    }
    if (start <= moment && (!best || start > Date.parse(best.startedAt))) best = segment;
  }
  best ??= playable[0] ?? null;
  if (!best) return null;
  const start = Date.parse(best.startedAt);
  const end = best.endedAt ? Date.parse(best.endedAt) : moment;
  return { segment: best, seconds: Math.max(0, Math.min(moment, end) - start) / 1000 };
}
