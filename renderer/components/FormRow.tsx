import type { ReactNode } from 'react';

/**
 * One labelled row of a form: its words, then its control (an input or a select), inside one
 * label, so clicking the words focuses the control and the control is named by them. Every
 * console and carrier panel builds its forms of these.
 */
export function FormRow({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <label className={className}>
      <span>{label}</span>
      {children}
    </label>
  );
}
