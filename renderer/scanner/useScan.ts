import { useEffect, useRef } from 'react';
import { subscribeScans } from './listener';

/** Calls `onScan` with every wedge scan while the component is mounted and `active` is true. */
export function useScan(onScan: (code: string) => void, active = true): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    if (!active) return;
    return subscribeScans((code) => latest.current(code));
  }, [active]);
}
