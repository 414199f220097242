import { z } from 'zod';
import type { Role } from '../domain/user';
import { readFromSchema } from './central';
import { languageSchema } from './schemas';
import { videoSegmentSchema } from './video';

/** The manager's review: find an order, its journal entries in order, its video and the proof. */

export const timelineEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  stationId: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  type: z.string(),
  /** The type and the entry in words, in the language asked for (src/domain/journal-text/). */
  typeName: z.string(),
  text: z.string(),
  payload: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const chainCheckSchema = z.object({
  intact: z.boolean(),
  /** The first entry checked (the order's first) and the last one. */
  fromSeq: z.number().int(),
  toSeq: z.number().int(),
  /** The newest signed checkpoint the checked stretch reaches, or null when none is signed yet. */
  checkpointSeq: z.number().int().nullable(),
  checkpointAt: z.string().nullable(),
  /** English, for logs and the tooltip; the screen shows its own sentence by `intact`. */
  message: z.string(),
});
export type ChainCheckView = z.infer<typeof chainCheckSchema>;

export const reviewOrderSchema = z.object({
  number: z.string(),
  status: z.string(),
  customerName: z.string(),
});

/** What went into one parcel: the summary above the timeline. */
export const parcelContentsSchema = z.object({
  no: z.number().int(),
  boxCode: z.string().nullable(),
  weightGrams: z.number().int().nullable(),
  weightSource: z.enum(['scale', 'manual']).nullable(),
  expectedGrams: z.number().int(),
  items: z.array(z.object({ sku: z.string(), name: z.string(), count: z.number().int(), serials: z.array(z.string()), lots: z.array(z.string()) })),
});
export type ParcelContentsView = z.infer<typeof parcelContentsSchema>;

/**
 * A clip on the timeline: this station's own (`recordedAt` null, played from here), or one another
 * station recorded, known from its replicated `video.segment` entry at central and played through
 * central from that station (`recordedAt`: its id at central, `recordedAtName`: the name people know
 * it by there; `id` is the segment's id there).
 */
export const timelineSegmentSchema = videoSegmentSchema.extend({ recordedAt: z.string().nullable(), recordedAtName: z.string().nullable() });
export type TimelineSegmentView = z.infer<typeof timelineSegmentSchema>;

export const timelineSchema = z.object({
  order: reviewOrderSchema,
  /** The order's parcels as packed (its completed packing session, else the one still open); empty when never packed. */
  parcels: z.array(parcelContentsSchema),
  /** Who packed it, where, and when it was opened and completed; null when never packed. */
  packing: z
    .object({
      packer: z.string().nullable(),
      stationId: z.string(),
      openedAt: z.string(),
      completedAt: z.string().nullable(),
      status: z.enum(['open', 'completed']),
    })
    .nullable(),
  entries: z.array(timelineEntrySchema),
  /** This station's clips of the order and, read through central, every other station's. */
  segments: z.array(timelineSegmentSchema),
  chain: chainCheckSchema,
  /** The order's entries at every station through central (the chain check is this station's), or this station's own. */
  readFrom: readFromSchema,
});
export type TimelineView = z.infer<typeof timelineSchema>;

type Access = 'public' | readonly Role[];
const method = <I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; access: Access; passive?: boolean }) => spec;
const MANAGERS: readonly Role[] = ['manager', 'admin'];
/** Returns handlers read the timeline (and watch the clips) of orders that have a return, and only those (docs/security.md). */
const TIMELINE_READERS: readonly Role[] = ['manager', 'admin', 'returns'];

export const REVIEW_METHODS = {
  /** Orders matching an order number, a tracking number or a shipped serial. */
  'review.find': method({
    input: z.object({ query: z.string().trim().min(1).max(200) }).strict(),
    output: z.array(reviewOrderSchema.extend({ matchedBy: z.enum(['number', 'tracking', 'serial']) })),
    access: MANAGERS,
  }),
  'review.timeline': method({
    input: z.object({ orderNumber: z.string().trim().min(1).max(100), language: languageSchema.optional() }).strict(),
    output: timelineSchema,
    access: TIMELINE_READERS,
  }),
  /** Builds the evidence package; the host serves it at `/evidence/<file>`. */
  'review.evidence': method({
    input: z.object({ orderNumber: z.string().trim().min(1).max(100), language: languageSchema.optional() }).strict(),
    output: z.object({ file: z.string(), bytes: z.number().int(), sha256: z.string() }),
    access: MANAGERS,
  }),
} as const;
