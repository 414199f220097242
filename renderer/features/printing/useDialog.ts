import { useEffect, useRef } from 'react';

/** Focus into the dialog on open, Escape closes it, focus goes back where it was. */
export function useDialog(open: boolean, close: () => void) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    first.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Captured first, so the screen underneath does not also treat Escape as its own.
      event.stopPropagation();
      close();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      previous?.focus();
    };
  }, [open, close]);
  return first;
}
