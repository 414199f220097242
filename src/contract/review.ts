import { z } from 'zod';
import type { Role } from '../domain/user';
import { videoSegmentSchema } from './video';

/** The manager's review: find an order, its journal entries in order, its video and the proof. */

export const timelineEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  stationId: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  type: z.string(),
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

export const timelineSchema = z.object({
  order: reviewOrderSchema,
  entries: z.array(timelineEntrySchema),
  segments: z.array(videoSegmentSchema),
  chain: chainCheckSchema,
});
export type TimelineView = z.infer<typeof timelineSchema>;

type Access = 'public' | readonly Role[];
const method = <I extends z.ZodType, O extends z.ZodType>(spec: { input: I; output: O; access: Access; passive?: boolean }) => spec;
const MANAGERS: readonly Role[] = ['manager', 'admin'];

export const REVIEW_METHODS = {
  /** Orders matching an order number, a tracking number or a shipped serial. */
  'review.find': method({
    input: z.object({ query: z.string().trim().min(1).max(200) }).strict(),
    output: z.array(reviewOrderSchema.extend({ matchedBy: z.enum(['number', 'tracking', 'serial']) })),
    access: MANAGERS,
  }),
  'review.timeline': method({
    input: z.object({ orderNumber: z.string().trim().min(1).max(100) }).strict(),
    output: timelineSchema,
    access: MANAGERS,
  }),
  /** Builds the evidence package; the host serves it at `/evidence/<file>`. */
  'review.evidence': method({
    input: z.object({ orderNumber: z.string().trim().min(1).max(100) }).strict(),
    output: z.object({ file: z.string(), bytes: z.number().int(), sha256: z.string() }),
    access: MANAGERS,
  }),
} as const;
