import { create } from 'zustand';
import { SessionRecording, type CameraStatus } from './recorder';

interface VideoState {
  status: CameraStatus;
  /** The session being recorded; recording outlives the packing screen until its last chunk is stored. */
  recording: SessionRecording | null;
  follow(sessionId: number | null): void;
  retry(): void;
  /** The core's `video.stopped` event: the recording of this session reached a limit. */
  stopped(sessionId: number, reason: 'cap' | 'quota'): void;
  reset(): void;
}

export const useVideoStore = create<VideoState>((set, get) => ({
  status: { kind: 'idle' },
  recording: null,
  follow(sessionId) {
    const current = get().recording;
    if (current?.sessionId === sessionId) return;
    if (current) void current.stop();
    if (sessionId === null) return set({ recording: null });
    const recording = new SessionRecording(sessionId, (status) => {
      if (get().recording === recording) set({ status });
    });
    set({ recording, status: { kind: 'starting' } });
    void recording.start();
  },
  retry() {
    const current = get().recording;
    if (!current) return;
    const sessionId = current.sessionId;
    set({ recording: null });
    void current.stop().then(() => get().follow(sessionId));
  },
  stopped(sessionId, reason) {
    const current = get().recording;
    if (current?.sessionId === sessionId) current.limitReached(reason);
  },
  reset() {
    get().recording?.stop();
    set({ status: { kind: 'idle' }, recording: null });
  },
}));
