import { useEffect, useRef } from 'react';
import { useKeys } from '../../keyboard/useKeys';

/** Focus into the dialog on open, Escape closes it, focus goes back where it was. */
export function useDialog(open: boolean, close: () => void) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    first.current?.focus();
    return () => previous?.focus();
  }, [open]);
  useKeys('dialog', { Escape: close }, open);
  return first;
}
