import { create } from 'zustand';
import { SessionRecording, type CameraStatus } from './recorder';

interface VideoState {
  status: CameraStatus;
  /** The session being recorded; recording outlives the packing screen until its last chunk is stored. */
  recording: SessionRecording | null;
  follow(sessionId: number | null): void;
  retry(): void;
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
  reset() {
    get().recording?.stop();
    set({ status: { kind: 'idle' }, recording: null });
  },
}));
