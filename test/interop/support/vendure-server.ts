import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultLogger, LogLevel, dummyPaymentHandler, mergeConfig } from '@vendure/core';
import { createTestEnvironment, registerInitializer, SqljsInitializer, testConfig, type TestEnvironment } from '@vendure/testing';

process.env.VENDURE_DISABLE_TELEMETRY = 'true';

const here = path.dirname(fileURLToPath(import.meta.url));
export const PRODUCTS_CSV = path.resolve(here, '../../fixtures/sync/vendure-products.csv');
export const BARCODE_FIELD = 'barcode';

/** The same products as PRODUCTS_CSV, for a shop without the fragile custom fields (the importer refuses columns the shop lacks). */
const PRODUCTS_WITHOUT_FRAGILE_CSV = path.resolve(here, '../../fixtures/sync/vendure-products-without-fragile.csv');

/**
 * The test environment keeps sql.js in memory after populating; a shop that is stopped and
 * started again must keep its orders, so this initializer turns saving back on.
 */
class PersistentSqljsInitializer extends SqljsInitializer {
  private options: { autoSave?: boolean } | null = null;
  override async init(testFileName: string, connectionOptions: never) {
    this.options = connectionOptions;
    return super.init(testFileName, connectionOptions);
  }
  override async populate(populateFn: () => Promise<void>) {
    await super.populate(populateFn);
    if (this.options) this.options.autoSave = true;
  }
}

export interface VendureShop {
  env: TestEnvironment;
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A real Vendure on sql.js at 127.0.0.1, with barcode and fragile custom fields and a payment that
 * settles at once; `fragileField: false` starts a shop that never defined a fragile mark.
 */
export async function startVendure(port: number, options: { fragileField?: boolean; introspection?: boolean } = {}): Promise<VendureShop> {
  const fragileField = options.fragileField ?? true;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-vendure-'));
  registerInitializer('sqljs', new PersistentSqljsInitializer(dataDir));
  const config = mergeConfig(testConfig, {
    apiOptions: { port, hostname: '127.0.0.1', introspection: options.introspection ?? true },
    authOptions: { tokenMethod: ['bearer'] as const },
    logger: process.env.LOG ? new DefaultLogger({ level: LogLevel.Info }) : testConfig.logger,
    paymentOptions: { paymentMethodHandlers: [dummyPaymentHandler] },
    customFields: {
      ProductVariant: [
        { name: BARCODE_FIELD, type: 'string' as const, nullable: true },
        // A shop's fragile mark, on a variant or on the whole product (the importer's product:fragile / variant:fragile columns).
        ...(fragileField ? [{ name: 'fragile', type: 'boolean' as const, nullable: true }] : []),
      ],
      Product: fragileField ? [{ name: 'fragile', type: 'boolean' as const, nullable: true }] : [],
      // As a pickup-point plugin keeps the customer's locker on the order.
      Order: [
        { name: 'pickupPointId', type: 'string' as const, nullable: true, public: true },
        { name: 'pickupPointName', type: 'string' as const, nullable: true, public: true },
      ],
    },
  });
  const env = createTestEnvironment(config);
  await env.server.init({
    productsCsvPath: fragileField ? PRODUCTS_CSV : PRODUCTS_WITHOUT_FRAGILE_CSV,
    customerCount: 3,
    initialData: {
      defaultLanguage: 'en' as never,
      defaultZone: 'Europe',
      taxRates: [{ name: 'Standard', percentage: 23 }],
      shippingMethods: [{ name: 'Kurier', price: 1500 }],
      paymentMethods: [
        { name: 'Przelew', handler: { code: dummyPaymentHandler.code, arguments: [{ name: 'automaticSettle', value: 'true' }] } },
        // Cash on delivery: authorised at checkout, settled only when the courier has collected.
        { name: 'Pobranie', handler: { code: dummyPaymentHandler.code, arguments: [{ name: 'automaticSettle', value: 'false' }] } },
      ],
      countries: [{ name: 'Poland', code: 'PL', zone: 'Europe' }],
      collections: [],
    },
  });
  await env.adminClient.asSuperAdmin();
  let running = true;
  return {
    env,
    port,
    url: `http://127.0.0.1:${port}/admin-api`,
    async stop() {
      if (!running) return;
      running = false;
      await env.server.destroy();
    },
    async start() {
      if (running) return;
      await env.server.bootstrap();
      running = true;
    },
    async destroy() {
      if (running) await env.server.destroy();
      running = false;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
