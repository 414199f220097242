import { parse } from 'graphql';
import type { SimpleGraphQLClient, TestEnvironment } from '@vendure/testing';

/** The test clients take parsed documents; these helpers keep their GraphQL as plain text. */
function gql<T>(client: SimpleGraphQLClient, text: string, variables?: Record<string, unknown>): Promise<T> {
  return client.query<T>(parse(text), variables);
}

/** Variant ids by SKU, as the Admin API names them (ids look like T_1 under the test id strategy). */
export async function variantIds(env: TestEnvironment): Promise<Map<string, string>> {
  const result = await gql<{ productVariants: { items: { id: string; sku: string }[] } }>(
    env.adminClient,
    'query { productVariants(options: { take: 100 }) { items { id sku } } }',
  );
  return new Map(result.productVariants.items.map((v) => [v.sku, v.id]));
}

/** The shop marks a variant fragile, or takes the mark off, as an admin does in Vendure's dashboard. */
export async function markVariantFragile(env: TestEnvironment, variantId: string, fragile: boolean): Promise<void> {
  await gql(env.adminClient, 'mutation ($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { id } }', {
    input: [{ id: variantId, customFields: { fragile } }],
  });
}

/**
 * A guest buys through the Shop API and pays with the payment that settles at once, so the
 * order lands in PaymentSettled the way a real checkout leaves it. Returns the order code.
 */
export async function placeOrder(
  env: TestEnvironment,
  variants: Map<string, string>,
  items: { sku: string; quantity: number }[],
  who = 'Jan Kowalski',
  options: { pickupPoint?: { id: string; name: string }; payment?: 'przelew' | 'pobranie' } = {},
): Promise<string> {
  const shop = env.shopClient;
  await shop.asAnonymousUser();
  for (const item of items) {
    await gql(
      shop,
      `mutation ($id: ID!, $q: Int!) { addItemToOrder(productVariantId: $id, quantity: $q) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
      { id: variants.get(item.sku), q: item.quantity },
    );
  }
  const [first, last] = who.split(' ');
  const email = `${who.toLowerCase().replace(/\s+/g, '.')}.${Date.now()}${Math.random().toString(36).slice(2, 6)}@example.com`;
  await gql(
    shop,
    `mutation ($input: CreateCustomerInput!) { setCustomerForOrder(input: $input) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
    {
      input: { firstName: first, lastName: last ?? 'Nowak', emailAddress: email },
    },
  );
  await gql(shop, `mutation ($input: CreateAddressInput!) { setOrderShippingAddress(input: $input) { ... on Order { id } } }`, {
    input: { fullName: who, streetLine1: 'ul. Długa 5', city: 'Kraków', postalCode: '30-001', countryCode: 'PL', phoneNumber: '+48 600 100 200' },
  });
  const methods = await gql<{ eligibleShippingMethods: { id: string }[] }>(shop, 'query { eligibleShippingMethods { id } }');
  await gql(
    shop,
    `mutation ($ids: [ID!]!) { setOrderShippingMethod(shippingMethodId: $ids) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
    {
      ids: [methods.eligibleShippingMethods[0]!.id],
    },
  );
  if (options.pickupPoint) {
    await gql(
      shop,
      `mutation ($input: UpdateOrderInput!) { setOrderCustomFields(input: $input) { ... on Order { id } ... on ErrorResult { errorCode message } } }`,
      {
        input: { customFields: { pickupPointId: options.pickupPoint.id, pickupPointName: options.pickupPoint.name } },
      },
    );
  }
  await gql(shop, `mutation { transitionOrderToState(state: "ArrangingPayment") { ... on Order { id } ... on ErrorResult { errorCode message } } }`);
  const paid = await gql<{ addPaymentToOrder: { code?: string; state?: string; errorCode?: string; message?: string } }>(
    shop,
    `mutation ($method: String!) { addPaymentToOrder(input: { method: $method, metadata: {} }) { ... on Order { code state } ... on ErrorResult { errorCode message } } }`,
    { method: options.payment ?? 'przelew' },
  );
  if (paid.addPaymentToOrder.state !== (options.payment === 'pobranie' ? 'PaymentAuthorized' : 'PaymentSettled'))
    throw new Error(`order not settled: ${JSON.stringify(paid.addPaymentToOrder)}`);
  return paid.addPaymentToOrder.code!;
}

export interface VendureOrderView {
  id: string;
  code: string;
  state: string;
  fulfillments: { id: string; state: string; method: string; trackingCode: string | null }[];
}

export async function orderByCode(env: TestEnvironment, code: string): Promise<VendureOrderView> {
  const result = await gql<{ orders: { items: VendureOrderView[] } }>(
    env.adminClient,
    `query ($code: String!) { orders(options: { filter: { code: { eq: $code } } }) { items { id code state fulfillments { id state method trackingCode } } } }`,
    { code },
  );
  const order = result.orders.items[0];
  if (!order) throw new Error(`no order ${code} in Vendure`);
  return order;
}

export async function cancelInVendure(env: TestEnvironment, orderId: string): Promise<void> {
  const result = await gql<{ cancelOrder: { state?: string; errorCode?: string; message?: string } }>(
    env.adminClient,
    `mutation ($id: ID!) { cancelOrder(input: { orderId: $id, reason: "Klient zrezygnował", cancelShipping: true }) { ... on Order { state } ... on ErrorResult { errorCode message } } }`,
    { id: orderId },
  );
  if (result.cancelOrder.state !== 'Cancelled') throw new Error(`cancel failed: ${JSON.stringify(result.cancelOrder)}`);
}

export interface VendureReturnView {
  id: string;
  state: string;
  currencyCode: string;
  totalWithTax: number;
  lines: { id: string; quantity: number; productVariant: { sku: string } }[];
  payments: { id: string; state: string; amount: number; refunds: { id: string; state: string; total: number; reason: string | null }[] }[];
  history: { items: { type: string; data: { note?: string; reason?: string; lines?: { orderLineId: string; quantity: number }[] } }[] };
}

/** What a return leaves on an order: lines, payments with their refunds, notes and cancellations. */
export async function orderReturnView(env: TestEnvironment, id: string): Promise<VendureReturnView> {
  const result = await gql<{ order: VendureReturnView | null }>(
    env.adminClient,
    `query ($id: ID!) { order(id: $id) { id state currencyCode totalWithTax lines { id quantity productVariant { sku } }
      payments { id state amount refunds { id state total reason } }
      history(options: { take: 100, filter: { type: { in: ["ORDER_NOTE", "ORDER_CANCELLATION"] } } }) { items { type data } } } }`,
    { id },
  );
  if (!result.order) throw new Error(`no order ${id} in Vendure`);
  return result.order;
}

/** Vendure keeps stock only for variants that track inventory; the fixture's do not until a test says so. */
export async function trackInventory(env: TestEnvironment, variantId: string): Promise<void> {
  await gql(env.adminClient, `mutation ($input: [UpdateProductVariantInput!]!) { updateProductVariants(input: $input) { id } }`, {
    input: [{ id: variantId, trackInventory: 'TRUE' }],
  });
}

export async function stockOnHand(env: TestEnvironment, variantId: string): Promise<number> {
  const result = await gql<{ productVariant: { stockOnHand: number } | null }>(
    env.adminClient,
    `query ($id: ID!) { productVariant(id: $id) { stockOnHand } }`,
    {
      id: variantId,
    },
  );
  return result.productVariant!.stockOnHand;
}
