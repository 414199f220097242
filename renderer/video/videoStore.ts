import { create } from 'zustand';
import { ownerKey, type VideoOwner } from '../../src/contract/video';
import { Recording, type CameraStatus } from './recorder';

interface VideoState {
  status: CameraStatus;
  /** What is being recorded (a packing session, a return); recording outlives its screen until its last chunk is stored. */
  recording: Recording | null;
  follow(owner: VideoOwner | null): void;
  retry(): void;
  /** The core's `video.stopped` event: the recording of this owner reached a limit. */
  stopped(owner: { sessionId: number | null; returnNumber: string | null }, reason: 'cap' | 'quota'): void;
  reset(): void;
}

/** The station's one camera: the packing screen follows its session with it, the returns desk its open return. */
export const useVideoStore = create<VideoState>((set, get) => ({
  status: { kind: 'idle' },
  recording: null,
  follow(owner) {
    const current = get().recording;
    if (current && owner && current.key === ownerKey(owner)) return;
    if (current) void current.stop();
    // Nothing followed any more: the old recording finishes on its own, and no badge says REC.
    if (owner === null) return set({ recording: null, status: { kind: 'idle' } });
    const recording = new Recording(owner, (status) => {
      if (get().recording === recording) set({ status });
    });
    set({ recording, status: { kind: 'starting' } });
    void recording.start();
  },
  retry() {
    const current = get().recording;
    if (!current) return;
    const owner = current.owner;
    set({ recording: null });
    void current.stop().then(() => get().follow(owner));
  },
  stopped({ sessionId, returnNumber }, reason) {
    const current = get().recording;
    if (!current) return;
    const same = sessionId !== null ? current.owner.sessionId === sessionId : current.owner.returnNumber === returnNumber;
    if (same) current.limitReached(reason);
  },
  reset() {
    get().recording?.stop();
    set({ status: { kind: 'idle' }, recording: null });
  },
}));
