/** R-2026-000042: the year it came in and its id, so numbers never repeat and sort by arrival. */
export function numbered(prefix: string, receivedOn: string, id: number): string {
  return `${prefix}-${receivedOn.slice(0, 4)}-${String(id).padStart(6, '0')}`;
}
