import { create } from 'zustand';
import type { ScaleReadingView } from '../../../src/contract/packing';
import { call, subscribe } from '../../api/client';

interface ScaleState {
  reading: ScaleReadingView | null;
  /** Whether the station answered at all; until then the screen does not claim there is no scale. */
  loaded: boolean;
  watch(stationId: string): () => void;
  reset(): void;
}

/** The live weight on the station's scale; only the parcels panel re-renders when it changes. */
export const useScaleStore = create<ScaleState>()((set) => ({
  reading: null,
  loaded: false,
  watch(stationId) {
    void call('scale.current', {}).then((result) => {
      if (result.ok) set({ reading: result.value, loaded: true });
    });
    return subscribe('scale.reading', (event) => {
      if (event.stationId === stationId) set({ reading: event.reading, loaded: true });
    });
  },
  reset: () => set({ reading: null, loaded: false }),
}));
