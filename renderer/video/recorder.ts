import { ownerKey, type VideoOwner, type VideoStart } from '../../src/contract/video';
import { call } from '../api/client';
import { ChunkUploader } from './chunks';
import { drawFrame, FRAME, overlayLine, qrCanvas } from './overlay';

export type CameraStatus =
  | { kind: 'idle' }
  | { kind: 'off' }
  | { kind: 'starting' }
  /** `overlay`: the first line burned into every frame, as the recorder draws it. */
  | { kind: 'recording'; segmentId: number; overlay: string }
  | { kind: 'nvr'; cameraId: string | null }
  | { kind: 'no_camera' | 'camera_failed'; policy: 'warn' | 'block' }
  /** The station stopped the recording: it reached its size cap, or the disk quota is full. */
  | { kind: 'stopped'; reason: 'cap' | 'quota' };

const FPS = 15;
const TIMESLICE_MS = 1000;
/** The codes with which the core stops a recording at a limit, and the reason each means. */
const LIMITS: Record<string, 'cap' | 'quota'> = { VIDEO_CAP_REACHED: 'cap', VIDEO_QUOTA_FULL: 'quota' };

export function recorderMimeType(): string {
  for (const type of ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm']) if (MediaRecorder.isTypeSupported(type)) return type;
  return 'video/webm';
}

/**
 * One recording, of a packing session or of a return at the returns desk: the camera drawn onto a
 * 720p canvas with the burned-in overlay, the canvas recorded by MediaRecorder, and each second's
 * chunk sent to the core.
 */
export class Recording {
  private stream: MediaStream | null = null;
  private recorder: MediaRecorder | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private uploader: ChunkUploader | null = null;
  private segmentId: number | null = null;
  private stopped = false;
  private limited = false;

  readonly key: string;

  constructor(
    readonly owner: VideoOwner,
    private readonly onStatus: (status: CameraStatus) => void,
  ) {
    this.key = ownerKey(owner);
  }

  async start(): Promise<void> {
    this.onStatus({ kind: 'starting' });
    const mimeType = recorderMimeType();
    const started = await call('video.start', { ...this.owner, mimeType });
    if (!started.ok || this.stopped) return this.onStatus({ kind: 'idle' });
    const value: VideoStart = started.value;
    if (value.mode === 'off') return this.onStatus({ kind: 'off' });
    this.segmentId = value.segment.id;
    if (value.mode === 'nvr') return this.onStatus({ kind: 'nvr', cameraId: value.segment.cameraId });
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        video: { ...(value.cameraDeviceId ? { deviceId: { exact: value.cameraDeviceId } } : {}), width: FRAME.width, height: FRAME.height, frameRate: FPS },
        audio: false,
      });
    } catch (error) {
      return this.problem('no_camera', error);
    }
    if (this.stopped) return this.release();
    const camera = document.createElement('video');
    camera.muted = true;
    camera.playsInline = true;
    camera.srcObject = this.stream;
    await camera.play().catch(() => undefined);
    const canvas = document.createElement('canvas');
    canvas.width = FRAME.width;
    canvas.height = FRAME.height;
    const ctx = canvas.getContext('2d', { alpha: false })!;
    const qr = qrCanvas(value.overlay);
    const draw = () => drawFrame(ctx, camera, value.overlay, qr, new Date());
    draw();
    // A timer, not requestAnimationFrame: frames must keep coming when the window is covered.
    this.timer = setInterval(draw, 1000 / FPS);
    const uploader = new ChunkUploader(value.segment.id, (code) => {
      const reason = LIMITS[code];
      if (reason) this.limitReached(reason);
    });
    this.uploader = uploader;
    // The station's bitrate: it caps each recording by it, so the recorder must not choose its own.
    const recorder = new MediaRecorder(canvas.captureStream(FPS), { mimeType, videoBitsPerSecond: value.bitsPerSecond });
    this.recorder = recorder;
    let last = performance.now();
    recorder.onstart = () => (last = performance.now());
    recorder.ondataavailable = (event) => {
      const now = performance.now();
      const ms = Math.min(60_000, Math.round(now - last));
      last = now;
      if (event.data.size > 0) uploader.push(event.data, ms);
    };
    recorder.onerror = (event) => void this.problem('recorder_failed', event);
    for (const track of this.stream.getVideoTracks()) track.onended = () => void this.problem('camera_failed', 'the camera track ended');
    recorder.start(TIMESLICE_MS);
    this.onStatus({ kind: 'recording', segmentId: value.segment.id, overlay: overlayLine(value.overlay) });
  }

  /** Stops recording, waits for the last chunk to be stored, and closes the segment in the core. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const recorder = this.recorder;
    if (recorder && recorder.state !== 'inactive') {
      await new Promise<void>((resolve) => {
        recorder.addEventListener('stop', () => resolve(), { once: true });
        recorder.stop();
      });
    }
    this.release();
    await this.uploader?.drained();
    if (this.segmentId !== null) await call('video.stop', { segmentId: this.segmentId });
    this.onStatus({ kind: 'idle' });
  }

  /** The station stopped this recording at a limit (a refused chunk or the `video.stopped` event): stop the camera and say so. */
  limitReached(reason: 'cap' | 'quota'): void {
    if (this.limited || this.stopped) return;
    this.limited = true;
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    this.release();
    this.onStatus({ kind: 'stopped', reason });
  }

  private async problem(problem: 'no_camera' | 'camera_failed' | 'recorder_failed', cause: unknown): Promise<void> {
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    const answer = await call('video.problem', { ...this.owner, problem, detail: detail.slice(0, 500) });
    const policy = answer.ok ? answer.value.policy : 'warn';
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    this.release();
    // What was recorded before the failure is kept: the segment is closed with it.
    if (this.segmentId !== null) {
      await this.uploader?.drained();
      await call('video.stop', { segmentId: this.segmentId });
    }
    this.onStatus({ kind: problem === 'no_camera' ? 'no_camera' : 'camera_failed', policy });
  }

  private release(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
  }
}
