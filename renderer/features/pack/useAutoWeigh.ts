import { useEffect, useRef, useState } from 'react';
import type { WeightTolerance } from '../../../src/domain/weight';
import { call } from '../../api/client';
import { autoWeigh, FORGOTTEN } from './autoWeigh';
import { usePackStore } from './packStore';
import { useScaleStore } from './scaleStore';

/**
 * Weighs the parcel being packed as soon as the scale settles under it (autoWeigh says when), so
 * the packer need not press F6; F6 still weighs by hand. Nothing happens while a dialog or a
 * question is open, or another action is under way: the next reading or change tries again.
 */
export function useAutoWeigh(): void {
  const view = usePackStore((s) => s.view);
  const dialog = usePackStore((s) => s.dialog);
  const busy = usePackStore((s) => s.busy);
  const reading = useScaleStore((s) => s.reading);
  const loaded = useScaleStore((s) => s.loaded);
  const [tolerance, setTolerance] = useState<WeightTolerance | null>(null);
  const memory = useRef(FORGOTTEN);

  useEffect(() => {
    void call('pack.rules', {}).then((result) => result.ok && setTolerance({ grams: result.value.toleranceGrams, percent: result.value.tolerancePercent }));
  }, []);

  useEffect(() => {
    if (!view || !tolerance || busy || dialog !== null) return;
    const step = autoWeigh(memory.current, view, { reading, loaded }, tolerance);
    memory.current = step.memory;
    if (step.weigh !== null) void usePackStore.getState().weigh(step.weigh, undefined, 'weighedAuto');
  }, [view, reading, loaded, tolerance, busy, dialog]);
}
