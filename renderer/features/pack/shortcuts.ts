/** The packing screen's keys: F-keys only, so no key a scanner types can trigger one. */
export const SHORTCUTS = [
  { key: 'F2', action: 'undo' },
  { key: 'F3', action: 'box' },
  { key: 'F4', action: 'addParcel' },
  { key: 'F6', action: 'weigh' },
  { key: 'F7', action: 'nextParcel' },
  { key: 'F8', action: 'override' },
  { key: 'F9', action: 'manual' },
  { key: 'F10', action: 'complete' },
  { key: 'Escape', action: 'putBack' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

export function shortcutFor(key: string): ShortcutAction | null {
  return SHORTCUTS.find((s) => s.key === key)?.action ?? null;
}
