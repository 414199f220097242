/** Admin API documents, kept as text: the adapter needs no GraphQL client beyond fetch. */

export const ORDER_FIELDS = `id code state updatedAt orderPlacedAt createdAt
  customer { firstName lastName emailAddress }
  shippingAddress { fullName company streetLine1 streetLine2 city postalCode countryCode phoneNumber }
  shippingLines { shippingMethod { code name } }
  lines { id quantity productVariant { sku name } }`;

export const ORDERS_PAGE = `query ($options: OrderListOptions) {
  orders(options: $options) { totalItems items { ${ORDER_FIELDS} } } }`;

export const variantsPage = (barcodeField: string) => `query ($options: ProductVariantListOptions) {
  productVariants(options: $options) { totalItems items { id sku name customFields { ${barcodeField} } } } }`;

export const FULFILLMENTS = `query ($id: ID!) { order(id: $id) { id state fulfillments { id state trackingCode } } }`;

export const ADD_FULFILLMENT = `mutation ($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) {
  ... on Fulfillment { id state trackingCode } ... on ErrorResult { errorCode message } } }`;

export const TRANSITION_FULFILLMENT = `mutation ($id: ID!, $state: String!) { transitionFulfillmentToState(id: $id, state: $state) {
  ... on Fulfillment { id state } ... on ErrorResult { errorCode message } } }`;

export const ADD_NOTE = `mutation ($input: AddNoteToOrderInput!) { addNoteToOrder(input: $input) { id } }`;

export const ACTIVE_CHANNEL = `query { activeChannel { code token } }`;
