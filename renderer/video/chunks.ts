import { call } from '../api/client';

/** Bytes to base64 in slices: String.fromCharCode with a whole chunk as arguments overflows the stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const RETRIES = 3;

/**
 * Sends a segment's chunks to the core one at a time and in order; the core appends and flushes
 * each before answering, and takes a repeated index only once, so retrying is safe.
 */
export class ChunkUploader {
  private next = 0;
  private queue: Promise<void> = Promise.resolve();
  failed: string | null = null;

  /** `onRefused`: the core refused a chunk for good (e.g. the recording reached its cap); nothing more is sent. */
  constructor(
    private readonly segmentId: number,
    private readonly onRefused: (code: string) => void = () => undefined,
  ) {}

  /** `ms`: how much video the chunk holds, timed here, so the core can place the clip on its clock. */
  push(blob: Blob, ms: number): void {
    const index = this.next++;
    this.queue = this.queue.then(async () => {
      if (this.failed) return;
      const data = toBase64(new Uint8Array(await blob.arrayBuffer()));
      for (let attempt = 1; ; attempt++) {
        const result = await call('video.chunk', { segmentId: this.segmentId, index, ms, data });
        if (result.ok) return;
        if (attempt >= RETRIES || result.error.code !== 'INTERNAL') {
          this.failed = result.error.code;
          this.onRefused(result.error.code);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
      }
    });
  }

  /** Resolves once every chunk pushed so far has been stored (or the upload gave up). */
  drained(): Promise<void> {
    return this.queue;
  }
}
