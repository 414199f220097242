import { useEffect, useRef, type ReactNode } from 'react';
import { functionKeys } from '../../keyboard/router';
import { useKeys } from '../../keyboard/useKeys';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/** A modal over the packing screen: Escape closes it, focus returns to where it was. */
export function Dialog({ title, onClose, children, testId }: DialogProps) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = box.current?.querySelector<HTMLElement>('[autofocus], input, select, textarea, button');
    first?.focus();
    return () => previous?.focus();
  }, []);
  // The screen's shortcuts (F-keys) wait while a dialog is open.
  useKeys('dialog', { ...functionKeys(() => true), Escape: () => onClose() });

  return (
    <div className="dialog-backdrop">
      <div className="dialog pack-dialog" role="dialog" aria-modal="true" aria-label={title} ref={box} data-testid={testId}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
