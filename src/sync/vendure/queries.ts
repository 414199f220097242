/** Admin API documents, kept as text: the adapter needs no GraphQL client beyond fetch. */

/**
 * An order's fields, with the pickup point's custom fields only when the settings name them: a
 * field the shop does not have would fail the whole query.
 */
export function orderFields(custom: { pickupPointField?: string | null; pickupPointNameField?: string | null }): string {
  const named = [custom.pickupPointField, custom.pickupPointNameField].filter((f): f is string => typeof f === 'string');
  return `id code state updatedAt orderPlacedAt createdAt currencyCode subTotalWithTax totalWithTax
  customer { firstName lastName emailAddress }
  shippingAddress { fullName company streetLine1 streetLine2 city postalCode countryCode phoneNumber }
  shippingLines { shippingMethod { code name } }
  payments { method state }
  lines { id quantity unitPriceWithTax productVariant { sku name } }${named.length > 0 ? `\n  customFields { ${named.join(' ')} }` : ''}`;
}

export const ordersPage = (fields: string) => `query ($options: OrderListOptions) {
  orders(options: $options) { totalItems items { ${fields} } } }`;

/** Where the shop keeps a fragile mark: a boolean custom field named `fragile` on variants, on products, both or neither. */
export interface FragileFields {
  variant: boolean;
  product: boolean;
}

export const FRAGILE_FIELD = 'fragile';

/**
 * A page of variants with the barcode's custom field, and the fragile mark only where the shop
 * has one (a field the shop does not have would fail the whole query).
 */
export function variantsPage(barcodeField: string, fragile: FragileFields): string {
  const variantFields = fragile.variant ? `${barcodeField} ${FRAGILE_FIELD}` : barcodeField;
  const product = fragile.product ? ` product { customFields { ${FRAGILE_FIELD} } }` : '';
  return `query ($options: ProductVariantListOptions) {
  productVariants(options: $options) { totalItems items { id sku name customFields { ${variantFields} }${product} } } }`;
}

/** The custom fields of variants and of products, by name and type (null for an entity without any): asked once per backend. */
export const PRODUCT_CUSTOM_FIELDS = `query {
  variant: __type(name: "ProductVariantCustomFields") { fields { name type { name ofType { name } } } }
  product: __type(name: "ProductCustomFields") { fields { name type { name ofType { name } } } } }`;

export const FULFILLMENTS = `query ($id: ID!) { order(id: $id) { id state fulfillments { id state trackingCode } } }`;

export const ADD_FULFILLMENT = `mutation ($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) {
  ... on Fulfillment { id state trackingCode } ... on ErrorResult { errorCode message } } }`;

export const TRANSITION_FULFILLMENT = `mutation ($id: ID!, $state: String!) { transitionFulfillmentToState(id: $id, state: $state) {
  ... on Fulfillment { id state } ... on ErrorResult { errorCode message } } }`;

export const ADD_NOTE = `mutation ($input: AddNoteToOrderInput!) { addNoteToOrder(input: $input) { id } }`;

export const ACTIVE_CHANNEL = `query { activeChannel { code token } }`;

/**
 * What a return needs to know of the order: its lines, its payments with their refunds, and the
 * notes and cancellations in its history, where an earlier try left the return number.
 */
export const RETURN_STATE = `query ($id: ID!, $history: HistoryEntryListOptions) { order(id: $id) {
  id code state currencyCode
  lines { id quantity productVariant { sku } }
  payments { id state amount method refunds { id state total reason } }
  history(options: $history) { totalItems items { id type data } } } }`;

export const REFUND_ORDER = `mutation ($input: RefundOrderInput!) { refundOrder(input: $input) {
  ... on Refund { id state total reason } ... on ErrorResult { errorCode message } } }`;

export const CANCEL_ORDER_LINES = `mutation ($input: CancelOrderInput!) { cancelOrder(input: $input) {
  ... on Order { id state } ... on ErrorResult { errorCode message } } }`;
