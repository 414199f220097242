import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A Vendure shop for the sync benchmark: the same set-up the interop tests use, on a free port. */
export interface BenchShop {
  adminUrl: string;
  placeOrders(count: number, concurrency: number): Promise<void>;
  destroy(): Promise<void>;
}

const CSV = `name,slug,description,assets,facets,optionGroups,optionValues,sku,price,taxCategory,stockOnHand,trackInventory,variantAssets,variantFacets,variant:barcode
Kubek,kubek,Kubek,,,,,BN-MUG,29.99,standard,100000,false,,,5901234123457
Herbata,herbata,Herbata,,,,,BN-TEA,14.50,standard,100000,false,,,5901234000024
`;

/** Vendure and @vendure/testing are dev dependencies, loaded only when this benchmark runs. */
export async function startBenchShop(port: number): Promise<BenchShop> {
  process.env.VENDURE_DISABLE_TELEMETRY = 'true';
  const core = await import('@vendure/core');
  const testing = await import('@vendure/testing');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packdesk-bench-vendure-'));
  const csv = path.join(dir, 'products.csv');
  fs.writeFileSync(csv, CSV);
  testing.registerInitializer('sqljs', new testing.SqljsInitializer(dir));
  const config = core.mergeConfig(testing.testConfig, {
    apiOptions: { port, hostname: '127.0.0.1' },
    authOptions: { tokenMethod: ['bearer'] as const },
    paymentOptions: { paymentMethodHandlers: [core.dummyPaymentHandler] },
    customFields: { ProductVariant: [{ name: 'barcode', type: 'string' as const, nullable: true }] },
  });
  const env = testing.createTestEnvironment(config);
  await env.server.init({
    productsCsvPath: csv,
    customerCount: 1,
    initialData: {
      defaultLanguage: 'en' as never,
      defaultZone: 'Europe',
      taxRates: [{ name: 'Standard', percentage: 23 }],
      shippingMethods: [{ name: 'Kurier', price: 1500 }],
      paymentMethods: [{ name: 'Przelew', handler: { code: core.dummyPaymentHandler.code, arguments: [{ name: 'automaticSettle', value: 'true' }] } }],
      countries: [{ name: 'Poland', code: 'PL', zone: 'Europe' }],
      collections: [],
    },
  });
  const shopUrl = `http://127.0.0.1:${port}/shop-api`;
  const shop = async (token: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(shopUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'vendure-token': testing.E2E_DEFAULT_CHANNEL_TOKEN,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown };
    if (body.errors) throw new Error(`shop API: ${JSON.stringify(body.errors)}`);
    return { token: response.headers.get('vendure-auth-token') ?? token, data: body.data ?? {} };
  };
  const placeOne = async (n: number) => {
    const first = await shop(null, 'mutation { addItemToOrder(productVariantId: "T_1", quantity: 1) { ... on Order { id } } }');
    const token = first.token;
    await shop(token, 'mutation { addItemToOrder(productVariantId: "T_2", quantity: 2) { ... on Order { id } } }');
    await shop(
      token,
      `mutation { setCustomerForOrder(input: { firstName: "Klient", lastName: "${n}", emailAddress: "k${n}@example.com" }) { ... on Order { id } } }`,
    );
    await shop(
      token,
      'mutation { setOrderShippingAddress(input: { fullName: "Klient", streetLine1: "ul. Długa 5", city: "Kraków", postalCode: "30-001", countryCode: "PL" }) { ... on Order { id } } }',
    );
    await shop(token, 'mutation { setOrderShippingMethod(shippingMethodId: ["T_1"]) { ... on Order { id } } }');
    await shop(token, 'mutation { transitionOrderToState(state: "ArrangingPayment") { ... on Order { id } } }');
    const paid = await shop(
      token,
      'mutation { addPaymentToOrder(input: { method: "przelew", metadata: {} }) { ... on Order { state } ... on ErrorResult { message } } }',
    );
    if (paid.data.addPaymentToOrder?.state !== 'PaymentSettled') throw new Error(`order ${n} not settled: ${JSON.stringify(paid.data)}`);
  };
  return {
    adminUrl: `http://127.0.0.1:${port}/admin-api`,
    async placeOrders(count, concurrency) {
      let next = 0;
      const lane = async () => {
        while (next < count) await placeOne(next++);
      };
      await Promise.all(Array.from({ length: concurrency }, lane));
    },
    async destroy() {
      await env.server.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
