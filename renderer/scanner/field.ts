/**
 * The DOM side of taking keystrokes back from, or giving them to, the focused text field.
 * Values are changed through the native setter and an 'input' event so React's controlled
 * inputs see the change like typing.
 */

export interface FieldSnapshot {
  element: HTMLInputElement | HTMLTextAreaElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

export function focusedTextField(): HTMLInputElement | HTMLTextAreaElement | null {
  const el = document.activeElement;
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement && /^(text|search|password|number|tel|email|url)$/.test(el.type)) return el;
  return null;
}

export function snapshotFocusedField(): FieldSnapshot | null {
  const element = focusedTextField();
  if (!element) return null;
  return { element, value: element.value, selectionStart: safeSelection(element, 'start'), selectionEnd: safeSelection(element, 'end') };
}

/** Puts the field back as it was before a scan's first key reached it. */
export function restoreField(snapshot: FieldSnapshot): void {
  const { element } = snapshot;
  if (element.value === snapshot.value) return;
  setValue(element, snapshot.value);
  if (snapshot.selectionStart !== null && snapshot.selectionEnd !== null) {
    element.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
  }
}

/** Types text into the focused field at the caret, as if its keys had not been held back. */
export function insertIntoFocusedField(text: string): void {
  const element = focusedTextField();
  if (!element) return;
  const start = safeSelection(element, 'start') ?? element.value.length;
  const end = safeSelection(element, 'end') ?? start;
  const value = element.value.slice(0, start) + text + element.value.slice(end);
  setValue(element, value);
  const caret = start + text.length;
  if (safeSelection(element, 'start') !== null) element.setSelectionRange(caret, caret);
}

function setValue(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const proto = element instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Number inputs throw on selection access; they simply have no caret to keep. */
function safeSelection(element: HTMLInputElement | HTMLTextAreaElement, which: 'start' | 'end'): number | null {
  try {
    return which === 'start' ? element.selectionStart : element.selectionEnd;
  } catch {
    return null;
  }
}
