import { VERDICTS, type Verdict } from '../../../src/domain/packing/verdict';

/** The verdict a scan entry recorded, for its colour; null for anything else. */
export function isVerdict(value: unknown): Verdict | null {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value) ? (value as Verdict) : null;
}
