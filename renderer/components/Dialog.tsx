import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { functionKeys, type KeyPress } from '../keyboard/router';
import { useKeys } from '../keyboard/useKeys';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The box's own look next to `dialog` (its width, its scrolling): 'pack-dialog', 'print-panel' … */
  className?: string;
  testId?: string;
  /** What takes the focus on opening; otherwise a control that focuses itself, else the first one. */
  initialFocus?: RefObject<HTMLElement | null>;
}

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The renderer's one modal, over the current screen and labelled by its title. While it is open
 * it holds the keyboard (keyboard/router.ts): Escape closes it, Enter is its focused control's,
 * Tab goes round inside it, and the screen's F-key shortcuts wait (the browser does not get them
 * either). When it closes, the focus goes back to where it was.
 */
export function Dialog({ title, onClose, children, className, testId, initialFocus }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Where the focus was before the dialog opened, read at the first render as well: by the time
  // the effect runs, a control inside may have focused itself (autoFocus).
  const [before] = useState(focusedElement);

  useEffect(() => {
    const focusedInside = box.current?.contains(document.activeElement) ?? false;
    const previous = focusedInside ? before : focusedElement();
    if (!focusedInside) (initialFocus?.current ?? tabStops(box.current)[0])?.focus();
    return () => previous?.focus();
  }, [before, initialFocus]);

  /** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
  const keepFocusInside = (press: KeyPress): boolean => {
    if (press.ctrlKey || press.altKey || press.metaKey) return false;
    const stops = tabStops(box.current);
    const at = stops.indexOf(document.activeElement as HTMLElement);
    const edge = press.shiftKey ? 0 : stops.length - 1;
    if (at !== -1 && at !== edge) return false;
    stops.at(press.shiftKey ? -1 : 0)?.focus();
    return true;
  };

  useKeys('dialog', { ...functionKeys(() => true), Escape: () => onClose(), Tab: keepFocusInside });

  return (
    <div className="dialog-backdrop">
      <div ref={box} className={className ? `dialog ${className}` : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

function focusedElement(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement ? document.activeElement : null;
}

/** The controls Tab stops at, in order: visible, enabled, and one per radio group. */
function tabStops(box: HTMLElement | null): HTMLElement[] {
  if (!box) return [];
  return [...box.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => {
    if (el.getClientRects().length === 0) return false;
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = [...box.querySelectorAll<HTMLInputElement>('input[type="radio"]')].filter((r) => r.name === el.name);
    return el === (group.find((r) => r.checked) ?? group[0]);
  });
}
