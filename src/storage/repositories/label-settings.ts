import type { Database } from 'better-sqlite3';
import type { LabelSettings, LabelSettingsRepository } from '../../app/ports/documents';
import type { Address } from '../../domain/order';

interface SettingsRow {
  shop_name: string;
  ship_from: string;
  gs1_company_prefix: string;
  sscc_extension_digit: number;
  return_policy: string;
}

export function createLabelSettingsRepository(db: Database): LabelSettingsRepository {
  const get = db.prepare<[], SettingsRow>(
    'SELECT shop_name, ship_from, gs1_company_prefix, sscc_extension_digit, return_policy FROM label_settings WHERE id = 1',
  );
  const upsert = db.prepare<[SettingsRow]>(
    `INSERT INTO label_settings (id, shop_name, ship_from, gs1_company_prefix, sscc_extension_digit, return_policy)
     VALUES (1, @shop_name, @ship_from, @gs1_company_prefix, @sscc_extension_digit, @return_policy)
     ON CONFLICT (id) DO UPDATE SET shop_name = excluded.shop_name, ship_from = excluded.ship_from,
       gs1_company_prefix = excluded.gs1_company_prefix, sscc_extension_digit = excluded.sscc_extension_digit,
       return_policy = excluded.return_policy`,
  );
  // One statement: two stations sharing the database can never draw the same serial.
  const allocate = db.prepare<[], { serial: number }>(
    'UPDATE label_settings SET next_sscc_serial = next_sscc_serial + 1 WHERE id = 1 RETURNING next_sscc_serial - 1 AS serial',
  );
  return {
    get() {
      const row = get.get();
      if (!row) return null;
      return {
        shopName: row.shop_name,
        shipFrom: JSON.parse(row.ship_from) as Address,
        gs1CompanyPrefix: row.gs1_company_prefix,
        ssccExtensionDigit: row.sscc_extension_digit,
        returnPolicy: row.return_policy,
      };
    },
    set(settings: LabelSettings) {
      upsert.run({
        shop_name: settings.shopName,
        ship_from: JSON.stringify(settings.shipFrom),
        gs1_company_prefix: settings.gs1CompanyPrefix,
        sscc_extension_digit: settings.ssccExtensionDigit,
        return_policy: settings.returnPolicy,
      });
    },
    allocateSsccSerial() {
      const row = allocate.get();
      if (!row) throw new Error('Label settings are not set up, so no SSCC can be allocated');
      return row.serial;
    },
  };
}
