import type { Database } from 'better-sqlite3';
import type { ReturnsRepository } from '../../../app/ports/returns';
import { StationFailure } from '../../../contract/errors';
import { invalidRules, POLISH_LAW_RULES, type ReturnRules } from '../../../domain/returns/rules';
import type { ReasonCode } from '../../../domain/returns/types';

/** The returns rules (return_settings) and the reason codes (return_reason_codes). */
export function createReturnSettings(db: Database): Pick<ReturnsRepository, 'rules' | 'saveRules' | 'reasonCodes' | 'saveReasonCodes'> {
  const rulesRow = db.prepare<[], { rules: string }>('SELECT rules FROM return_settings WHERE id = 1');
  const saveRules = db.prepare<[string]>('INSERT INTO return_settings (id, rules) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET rules = excluded.rules');
  const reasonRows = db.prepare<[], { code: string; label_en: string; label_pl: string; packing_error: number; active: number }>(
    'SELECT code, label_en, label_pl, packing_error, active FROM return_reason_codes ORDER BY position, code',
  );
  const upsertReason = db.prepare<[string, string, string, number, number, number]>(
    `INSERT INTO return_reason_codes (code, label_en, label_pl, packing_error, active, position) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET label_en = excluded.label_en, label_pl = excluded.label_pl, packing_error = excluded.packing_error,
       active = excluded.active, position = excluded.position`,
  );
  // A code in use is kept (items point at it); one no longer listed is switched off.
  const retireReasons = db.prepare<[string]>('UPDATE return_reason_codes SET active = 0 WHERE code NOT IN (SELECT value FROM json_each(?))');

  return {
    rules() {
      const row = rulesRow.get();
      return row ? { ...POLISH_LAW_RULES, ...(JSON.parse(row.rules) as Partial<ReturnRules>) } : { ...POLISH_LAW_RULES };
    },
    saveRules(rules) {
      const bad = invalidRules(rules);
      if (bad.length > 0) throw new StationFailure('VALIDATION_FAILED', `These returns rules are out of bounds: ${bad.join(', ')}.`, { rules: bad.join(', ') });
      saveRules.run(JSON.stringify(rules));
    },
    reasonCodes: () =>
      reasonRows.all().map((r): ReasonCode => ({ code: r.code, en: r.label_en, pl: r.label_pl, packingError: r.packing_error === 1, active: r.active === 1 })),
    saveReasonCodes: db.transaction((codes: ReasonCode[]) => {
      codes.forEach((c, position) => upsertReason.run(c.code, c.en, c.pl, Number(c.packingError), Number(c.active), position));
      retireReasons.run(JSON.stringify(codes.map((c) => c.code)));
    }),
  };
}
