/**
 * Structural sharing: `next` with every part that equals the same part of `previous` replaced by
 * that part of `previous`, so unchanged parts keep their identity. The core answers every scan
 * with the whole order as new JSON; with this, a scan changes the identity of what it changed
 * only (one line, one parcel, the new unit), and the screens that subscribe to the rest, or are
 * memoised on it, do not render again. Returns `previous` itself when nothing changed.
 *
 * For JSON data (plain objects, arrays, primitives): arrays are compared index by index, as the
 * core lists lines, parcels and units in a stable order.
 */
export function keepUnchanged<T>(previous: unknown, next: T): T {
  if (Object.is(previous, next)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(previous)) return next;
    let same = previous.length === next.length;
    const shared = next.map((item: unknown, i) => {
      const kept = i < previous.length ? keepUnchanged(previous[i], item) : item;
      if (kept !== previous[i]) same = false;
      return kept;
    });
    return (same ? previous : shared) as T;
  }
  if (!isPlainObject(next) || !isPlainObject(previous)) return next;
  const keys = Object.keys(next);
  // JSON.parse makes `__proto__` an own key; copied by assignment it would set the prototype instead.
  if (keys.includes('__proto__')) return next;
  let same = keys.length === Object.keys(previous).length;
  const shared: Record<string, unknown> = {};
  for (const key of keys) {
    const kept = Object.hasOwn(previous, key) ? keepUnchanged(previous[key], next[key]) : next[key];
    if (kept !== previous[key] || !Object.hasOwn(previous, key)) same = false;
    shared[key] = kept;
  }
  return (same ? previous : shared) as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
