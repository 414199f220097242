import { DEFAULT_SECONDS, FACTORS, type Factor, type Factors } from './complexity';

/** One completed session as the fit sees it: its complexity and its active packing time. */
export interface FitSample {
  factors: Factors;
  activeSeconds: number;
}

export type FitMethod = 'least_squares' | 'default';

/** Seconds per factor for a station, and how they were found. */
export interface ComplexityFit {
  method: FitMethod;
  /** Why the defaults are used ('not_fitted', 'too_few_sessions', 'no_variation'), or null for a fit. */
  fallback: 'not_fitted' | 'too_few_sessions' | 'no_variation' | null;
  seconds: Factors;
  /** Factors fitted from the history; the others kept their default (never seen, or never varying). */
  fitted: Factor[];
  /** Completed sessions with active time that the fit used. */
  sessions: number;
  /** Share of the variation of packing times the fit explains (0–1), null for the defaults. */
  r2: number | null;
  /** Mean absolute difference between expected and actual time of the sessions, in seconds. */
  meanAbsErrorSeconds: number | null;
}

/** Fewer sessions than this, or than 3 per fitted factor, and the defaults stay. */
export const MIN_FIT_SESSIONS = 20;

export function defaultFit(fallback: ComplexityFit['fallback'] = 'not_fitted', sessions = 0): ComplexityFit {
  return { method: 'default', fallback, seconds: { ...DEFAULT_SECONDS }, fitted: [], sessions, r2: null, meanAbsErrorSeconds: null };
}

/** The journal entry that records a refit of a station; the newest one about a station is its fit in use. */
export const FIT_ENTRY = 'stats.fitted';

/** A station's fit in use, with when, by whom and over what history it was fitted (nulls for the defaults nobody fitted). */
export interface StationFit extends ComplexityFit {
  stationId: string;
  fittedAt: string | null;
  fittedBy: number | null;
  from: string | null;
  to: string | null;
}

/**
 * The fit a station's newest `stats.fitted` entry keeps, or the defaults when it has none (or one
 * that cannot be read): how the station shows its own fit and central every station's.
 */
export function stationFitOf(stationId: string, entry: { at: string; actorId: number | null; payload: Record<string, unknown> } | null): StationFit {
  const fit = entry ? fitOfPayload(entry.payload) : null;
  if (!entry || !fit) return { stationId, ...defaultFit(), fittedAt: null, fittedBy: null, from: null, to: null };
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return { stationId, ...fit, fittedAt: entry.at, fittedBy: entry.actorId, from: text(entry.payload.from), to: text(entry.payload.to) };
}

/**
 * A fit as its `stats.fitted` entry keeps it (the entry's payload), or null when the payload is not
 * one: read by the station for its own fit and by central for every station's.
 */
export function fitOfPayload(payload: Record<string, unknown>): ComplexityFit | null {
  const seconds = payload.seconds as Partial<Factors> | undefined;
  if (!seconds || typeof seconds !== 'object' || !FACTORS.every((f) => typeof seconds[f] === 'number' && Number.isFinite(seconds[f]))) return null;
  const method = payload.method === 'least_squares' ? 'least_squares' : 'default';
  const fallback = payload.fallback;
  return {
    method,
    fallback: fallback === 'not_fitted' || fallback === 'too_few_sessions' || fallback === 'no_variation' ? fallback : null,
    seconds: Object.fromEntries(FACTORS.map((f) => [f, seconds[f]!])) as Factors,
    fitted: Array.isArray(payload.fitted) ? FACTORS.filter((f) => (payload.fitted as unknown[]).includes(f)) : [],
    sessions: typeof payload.sessions === 'number' ? payload.sessions : 0,
    r2: typeof payload.r2 === 'number' ? payload.r2 : null,
    meanAbsErrorSeconds: typeof payload.meanAbsErrorSeconds === 'number' ? payload.meanAbsErrorSeconds : null,
  };
}

/**
 * Seconds per factor by non-negative least squares over a station's completed sessions: the
 * seconds that make expected times closest (sum of squared differences) to the active times
 * measured, none below zero. Guarded: a factor that never occurs or never varies from order to
 * order cannot be measured and keeps its default (its default seconds are taken off the times
 * first, so the other factors are fitted to the rest); too few sessions, and every factor keeps
 * its default. 'order' is the fixed time every order takes (opening, choosing, completing).
 */
export function fitComplexity(samples: readonly FitSample[]): ComplexityFit {
  const usable = samples.filter((s) => s.activeSeconds > 0 && Number.isFinite(s.activeSeconds));
  const fixed: Factor[] = [];
  const free: Factor[] = ['order'];
  for (const f of FACTORS) {
    if (f === 'order') continue;
    const values = usable.map((s) => s.factors[f]);
    const varies = values.some((v) => v !== values[0]);
    (varies ? free : fixed).push(f);
  }
  if (usable.length < Math.max(MIN_FIT_SESSIONS, 3 * free.length)) return defaultFit('too_few_sessions', usable.length);
  const rows = usable.map((s) => free.map((f) => s.factors[f]));
  const target = usable.map((s) => s.activeSeconds - fixed.reduce((t, f) => t + s.factors[f] * DEFAULT_SECONDS[f], 0));
  const solved = nnls(rows, target);
  const seconds: Factors = { ...DEFAULT_SECONDS };
  free.forEach((f, i) => (seconds[f] = round2(solved[i]!)));
  if (free.every((f) => seconds[f] === 0)) return defaultFit('no_variation', usable.length);
  const predicted = usable.map((s) => FACTORS.reduce((t, f) => t + s.factors[f] * seconds[f], 0));
  const mean = usable.reduce((t, s) => t + s.activeSeconds, 0) / usable.length;
  const ssTot = usable.reduce((t, s) => t + (s.activeSeconds - mean) ** 2, 0);
  const ssRes = usable.reduce((t, s, i) => t + (s.activeSeconds - predicted[i]!) ** 2, 0);
  const mae = usable.reduce((t, s, i) => t + Math.abs(s.activeSeconds - predicted[i]!), 0) / usable.length;
  return {
    method: 'least_squares',
    fallback: null,
    seconds,
    fitted: free,
    sessions: usable.length,
    r2: ssTot > 0 ? round4(Math.max(0, 1 - ssRes / ssTot)) : null,
    meanAbsErrorSeconds: round2(mae),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Lawson–Hanson non-negative least squares: x ≥ 0 minimising |Ax − b|². Small dense problems
 * (a handful of columns); columns are scaled to unit length first so seconds per unit and seconds
 * per order are solved with the same care.
 */
export function nnls(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const m = a.length;
  const n = a[0]?.length ?? 0;
  if (n === 0) return [];
  const scale = Array.from({ length: n }, (_, j) => Math.sqrt(a.reduce((t, row) => t + row[j]! ** 2, 0)) || 1);
  const A = a.map((row) => row.map((v, j) => v / scale[j]!));
  const x = new Array<number>(n).fill(0);
  const passive = new Array<boolean>(n).fill(false);
  const tol = 1e-10 * Math.max(1, ...b.map(Math.abs)) * m;
  const gradient = (): number[] => {
    const r = b.map((bi, i) => bi - A[i]!.reduce((t, v, j) => t + v * x[j]!, 0));
    return Array.from({ length: n }, (_, j) => A.reduce((t, row, i) => t + row[j]! * r[i]!, 0));
  };
  for (let outer = 0; outer < 3 * n + 10; outer++) {
    const w = gradient();
    let best = -1;
    for (let j = 0; j < n; j++) if (!passive[j] && w[j]! > tol && (best < 0 || w[j]! > w[best]!)) best = j;
    if (best < 0) break;
    passive[best] = true;
    for (let inner = 0; inner < 3 * n + 10; inner++) {
      const cols = passive.flatMap((p, j) => (p ? [j] : []));
      const z = leastSquares(
        A.map((row) => cols.map((j) => row[j]!)),
        b,
      );
      if (z.every((v) => v > 0)) {
        cols.forEach((j, k) => (x[j] = z[k]!));
        break;
      }
      let alpha = 1;
      cols.forEach((j, k) => {
        if (z[k]! <= 0) alpha = Math.min(alpha, x[j]! / (x[j]! - z[k]!));
      });
      cols.forEach((j, k) => {
        x[j] = x[j]! + alpha * (z[k]! - x[j]!);
        if (x[j]! <= 1e-12) {
          x[j] = 0;
          passive[j] = false;
        }
      });
    }
  }
  return x.map((v, j) => v / scale[j]!);
}

/**
 * Ordinary least squares through the normal equations with partial pivoting; a column that is a
 * combination of earlier ones (a pivot near zero) gets 0, so the answer is always defined.
 */
function leastSquares(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = a[0]?.length ?? 0;
  const g = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  for (let r = 0; r < a.length; r++) {
    const row = a[r]!;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) g[i]![j]! += row[i]! * row[j]!;
      g[i]![n]! += row[i]! * b[r]!;
    }
  }
  const scaleMax = Math.max(1e-300, ...g.map((row, i) => Math.abs(row[i]!)));
  const skip = new Array<boolean>(n).fill(false);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(g[r]![c]!) > Math.abs(g[p]![c]!)) p = r;
    if (Math.abs(g[p]![c]!) < 1e-9 * scaleMax) {
      skip[c] = true;
      continue;
    }
    [g[c], g[p]] = [g[p]!, g[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = g[r]![c]! / g[c]![c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) g[r]![k]! -= f * g[c]![k]!;
    }
  }
  return Array.from({ length: n }, (_, i) => (skip[i] ? 0 : g[i]![n]! / g[i]![i]!));
}
