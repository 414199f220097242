import { z } from 'zod';
import type { Role } from '../domain/user';
import { readFromSchema } from './central';
import { languageSchema, roleSchema } from './schemas';

/** The manager's journal: search every entry, each said in words, and check the whole chain from the screen. */

const isoTime = z.string().datetime({ offset: true });

export const journalSearchInputSchema = z
  .object({
    /** The person who did it. */
    userId: z.number().int().optional(),
    stationId: z.string().min(1).max(40).optional(),
    /** Entry types (e.g. 'pack.scan'), any of them. */
    types: z.array(z.string().min(1).max(60)).max(60).optional(),
    orderNumber: z.string().trim().min(1).max(100).optional(),
    /** From (inclusive) and to (exclusive), ISO 8601 with an offset. */
    from: isoTime.optional(),
    to: isoTime.optional(),
    /** Words in the entries' values; each matches as the start of a word, accents ignored. */
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
    /** The language of the sentences; the caller's own (else the station's) when left out. */
    language: languageSchema.optional(),
  })
  .strict();

export const journalEntryViewSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  stationId: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  type: z.string(),
  /** The type in words, in the language asked for. */
  typeName: z.string(),
  /** The entry as a sentence, in the language asked for: what the screens and the report show. */
  text: z.string(),
  subject: z.object({ kind: z.string(), id: z.string() }).nullable(),
  /** The payload as recorded, for the details; the screens show `text`. */
  payload: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type JournalEntryView = z.infer<typeof journalEntryViewSchema>;

export const journalSearchSchema = z.object({
  entries: z.array(journalEntryViewSchema),
  /** Matches in all, counted up to 1,000 (a word search: up to five pages past this one); `totalIsAtLeast` when there are more. */
  total: z.number().int(),
  totalIsAtLeast: z.boolean(),
  offset: z.number().int(),
  limit: z.number().int(),
  /** Every station's entries through central, or this station's own (and why). */
  readFrom: readFromSchema,
});
export type JournalSearchView = z.infer<typeof journalSearchSchema>;

export const journalFiltersSchema = z.object({
  types: z.array(z.object({ type: z.string(), name: z.string() })),
  stations: z.array(z.object({ id: z.string(), name: z.string() })),
  people: z.array(z.object({ id: z.number().int(), name: z.string(), role: roleSchema, active: z.boolean() })),
  /** Every station's types, stations and people through central (with this station's own), or this station's alone. */
  readFrom: readFromSchema,
});

export const journalCheckSchema = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  lastSeq: z.number().int(),
  problems: z.array(z.object({ seq: z.number().int(), kind: z.string(), message: z.string() })),
  checkpointSeq: z.number().int().nullable(),
  checkpointAt: z.string().nullable(),
  seconds: z.number(),
});
export type JournalCheckView = z.infer<typeof journalCheckSchema>;

type Access = 'public' | readonly Role[];
const method = <I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; access: Access; passive?: boolean }) => spec;
const MANAGERS: readonly Role[] = ['manager', 'admin'];

export const JOURNAL_METHODS = {
  /** Entries newest first, paged, each in words. */
  'journal.search': method({ input: journalSearchInputSchema, output: journalSearchSchema, access: MANAGERS, passive: true }),
  /** What the search can be narrowed by: entry types in words, stations, people (also those switched off). */
  'journal.filters': method({
    input: z.object({ language: languageSchema.optional() }).strict(),
    output: journalFiltersSchema,
    access: MANAGERS,
    passive: true,
  }),
  /** Checks the whole chain and the signed checkpoints; `journal.verify.progress` events tell the caller how far it is. Journaled. */
  'journal.verify': method({ input: z.object({}).strict(), output: journalCheckSchema, access: MANAGERS }),
} as const;
