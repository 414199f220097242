/**
 * A single-range `Range: bytes=…` header against a file of `size` bytes (RFC 9110 §14): the
 * bytes to send, inclusive, and whether it is a partial answer (206); 'unsatisfiable' for 416. No
 * header, a malformed one or several ranges: the whole file (200), as a server may answer.
 */
export function byteRange(header: string | null | undefined, size: number): { start: number; end: number; partial: boolean } | 'unsatisfiable' {
  const whole = { start: 0, end: size - 1, partial: false };
  const m = /^bytes=(\d*)-(\d*)$/.exec(String(header ?? '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return whole;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1, partial: true };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end, partial: true };
}
