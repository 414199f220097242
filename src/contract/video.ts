import { z } from 'zod';
import type { Role } from '../domain/user';

/** Packing video: the station's camera settings and the recording calls of the packing screen. */

export const VIDEO_MODES = ['off', 'webcam', 'nvr'] as const;
/** What a station does when its camera is missing or fails: say so and go on, or stop completion. */
export const CAMERA_POLICIES = ['warn', 'block'] as const;

/** Base64 of one MediaRecorder chunk (about a second); 6 MB of text is 4.5 MB of video, far above 1 s at 720p. */
export const MAX_CHUNK_BASE64 = 6 * 1024 * 1024;

export const nvrSettingsSchema = z
  .object({
    cameraId: z.string().trim().min(1).max(100),
    /** e.g. rtsp://nvr/cam/{camera}?start={start}&end={end}; placeholders: camera, start, end, startEpoch, endEpoch, startLocal, endLocal. */
    urlTemplate: z.string().trim().min(8).max(1000),
  })
  .strict();

const videoSettingsFields = {
  mode: z.enum(VIDEO_MODES),
  /** The browser's MediaDeviceInfo.deviceId of the chosen webcam; null for the default camera. */
  cameraDeviceId: z.string().max(300).nullable(),
  policy: z.enum(CAMERA_POLICIES),
  /** Closed clips older than this are deleted by housekeeping (their hashes stay in the journal). */
  retentionDays: z.number().int().min(1).max(3650),
  /** All clips, open recordings included, stay within this; the oldest closed clips go first to make room. */
  quotaMb: z.number().int().min(100).max(10_000_000),
  /** The recorder's target bitrate; with the longest recording it sets how large one recording may grow. */
  bitsPerSecond: z.number().int().min(100_000).max(10_000_000),
  /** The longest one packing session is recorded; a recording that outgrows it is stopped. */
  maxRecordingMinutes: z.number().int().min(1).max(480),
  nvr: nvrSettingsSchema.nullable(),
};

/** Settings saved before a field existed read with its default. */
export const videoSettingsSchema = z
  .object({
    ...videoSettingsFields,
    bitsPerSecond: videoSettingsFields.bitsPerSecond.default(1_500_000),
    maxRecordingMinutes: videoSettingsFields.maxRecordingMinutes.default(60),
  })
  .strict();
export type VideoSettings = z.output<typeof videoSettingsSchema>;

/** A change to some settings: no defaults here, or a change of one field would reset the others. */
const videoSettingsChangeSchema = z.object(videoSettingsFields).partial().strict();

export const videoSegmentSchema = z.object({
  id: z.number().int(),
  /** Whose clip it is: a packing session's, or a return's at the returns desk (the other is null). */
  sessionId: z.number().int().nullable(),
  returnNumber: z.string().nullable(),
  orderNumber: z.string(),
  stationId: z.string(),
  kind: z.enum(['webcam', 'nvr']),
  status: z.enum(['recording', 'closed', 'deleted']),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  bytes: z.number().int(),
  sha256: z.string().nullable(),
  cameraId: z.string().nullable(),
  playbackUrl: z.string().nullable(),
});
export type VideoSegmentView = z.infer<typeof videoSegmentSchema>;

/** What the recorder burns into every frame. */
export const videoOverlaySchema = z.object({
  orderNumber: z.string(),
  /** The return the clip is recorded for at the returns desk; null for a packing session's clip. */
  returnNumber: z.string().nullable(),
  /** Who is on camera: the packer, or the returns handler. */
  person: z.string(),
  station: z.string(),
  sessionId: z.number().int().nullable(),
  /** The QR code of the session, as rows of '1' (dark) and '0' modules, quiet zone not included. */
  qr: z.array(z.string()),
  qrText: z.string(),
});
export type VideoOverlay = z.infer<typeof videoOverlaySchema>;

export const videoStartSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('off') }),
  z.object({ mode: z.literal('nvr'), segment: videoSegmentSchema }),
  z.object({
    mode: z.literal('webcam'),
    segment: videoSegmentSchema,
    overlay: videoOverlaySchema,
    cameraDeviceId: z.string().nullable(),
    policy: z.enum(CAMERA_POLICIES),
    /** The recorder records at this rate: the station caps each recording by it. */
    bitsPerSecond: z.number().int(),
  }),
]);
export type VideoStart = z.infer<typeof videoStartSchema>;

type Access = 'public' | readonly Role[];
interface Spec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
  passive?: boolean;
}
const method = <I extends z.ZodType, O extends z.ZodType>(spec: Spec<I, O>) => spec;
const ANY_ROLE: readonly Role[] = ['packer', 'manager', 'returns', 'admin'];
const MANAGERS: readonly Role[] = ['manager', 'admin'];
/** Those who record: packers at packing, returns handlers at the returns desk; the core checks the owner against the role. */
const RECORDERS: readonly Role[] = ['packer', 'manager', 'returns', 'admin'];
const segmentInput = z.object({ segmentId: z.number().int() }).strict();

/** A recording's owner: exactly one of a packing session (open at the station) and a return (open at the desk). */
const ownerFields = {
  sessionId: z.number().int().optional(),
  returnNumber: z.string().trim().min(1).max(40).optional(),
};
type OwnerFields = { sessionId?: number | undefined; returnNumber?: string | undefined };
const oneOwner = (value: OwnerFields) => (value.sessionId === undefined) !== (value.returnNumber === undefined);
const ONE_OWNER = { message: 'Give either sessionId or returnNumber.' };
export type VideoOwner = { sessionId: number; returnNumber?: undefined } | { returnNumber: string; sessionId?: undefined };
/** One name for a recording's owner: `session:12`, `return:R-2026-000001`. */
export const ownerKey = (owner: VideoOwner): string => (owner.sessionId !== undefined ? `session:${owner.sessionId}` : `return:${owner.returnNumber}`);

export const VIDEO_METHODS = {
  'video.settings': method({ input: z.object({}).strict(), output: videoSettingsSchema, access: ANY_ROLE, passive: true }),
  'video.settings.set': method({ input: videoSettingsChangeSchema, output: videoSettingsSchema, access: MANAGERS }),
  /**
   * Opens a segment for the station's open packing session, or for a return open at the returns
   * desk (closing any left open by a crash).
   */
  'video.start': method({
    input: z
      .object({ ...ownerFields, mimeType: z.string().max(100).default('video/webm') })
      .strict()
      .refine(oneOwner, ONE_OWNER),
    output: videoStartSchema,
    access: RECORDERS,
  }),
  /**
   * One recorder chunk, appended and flushed to disk before the call answers. A chunk past the
   * recording's cap or the disk quota is refused and the recording stopped (event `video.stopped`).
   */
  'video.chunk': method({
    // ms: how much video the chunk holds, timed by the recorder; it places the segment on the clock.
    input: z
      .object({ segmentId: z.number().int(), index: z.number().int().min(0), ms: z.number().int().min(0).max(60_000), data: z.string().max(MAX_CHUNK_BASE64) })
      .strict(),
    output: z.object({ bytes: z.number().int(), chunks: z.number().int() }),
    access: RECORDERS,
    // Recording is not the packer's doing: it must not keep an idle login alive.
    passive: true,
  }),
  'video.stop': method({ input: segmentInput, output: videoSegmentSchema, access: RECORDERS }),
  /** The camera is missing or failed: journaled, and the answer says what the station's policy is. */
  'video.problem': method({
    input: z
      .object({ ...ownerFields, problem: z.enum(['no_camera', 'camera_failed', 'recorder_failed']), detail: z.string().max(500) })
      .strict()
      .refine(oneOwner, ONE_OWNER),
    output: z.object({ policy: z.enum(CAMERA_POLICIES) }),
    access: RECORDERS,
  }),
} as const;
