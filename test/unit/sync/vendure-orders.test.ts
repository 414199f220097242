import { describe, expect, it } from 'vitest';
import { orderFields } from '../../../src/sync/vendure/queries';
import { toRemoteOrder, type VendureOrder } from '../../../src/sync/vendure/orders';

const ORDER: VendureOrder = {
  id: '7',
  code: 'ABC123',
  state: 'PaymentSettled',
  updatedAt: '2026-11-20T10:00:00Z',
  orderPlacedAt: '2026-11-20T09:00:00Z',
  createdAt: '2026-11-20T08:00:00Z',
  customer: { firstName: 'Jan', lastName: 'Kowalski', emailAddress: 'jan@example.com' },
  shippingAddress: {
    fullName: 'Jan Kowalski',
    company: null,
    streetLine1: 'ul. Długa 5',
    streetLine2: null,
    city: 'Kraków',
    postalCode: '30-001',
    countryCode: 'pl',
    phoneNumber: '600100200',
  },
  shippingLines: [{ shippingMethod: { code: 'inpost-paczkomat', name: 'InPost Paczkomat' } }],
  lines: [{ id: '1', quantity: 2, productVariant: { sku: 'MUG-01', name: 'Kubek' } }],
  currencyCode: 'PLN',
  subTotalWithTax: 12_300,
  totalWithTax: 13_800,
  payments: [{ method: 'przelew', state: 'Settled' }],
  customFields: { paczkomatId: 'WAW123M', paczkomatAddress: 'Warszawa, ul. Marszałkowska 1' },
};
const OPTIONS = { pickupPointField: 'paczkomatId', pickupPointNameField: 'paczkomatAddress', codPaymentMethods: ['pobranie'] };

describe('a Vendure order as the carriers need it', () => {
  it('reads the pickup point from the order custom fields the settings name, and the goods as the declared value', () => {
    const order = toRemoteOrder(ORDER, OPTIONS);
    expect(order.delivery).toEqual({
      pickupPoint: { id: 'WAW123M', name: 'Warszawa, ul. Marszałkowska 1' },
      cod: null,
      declaredValue: { minor: 12_300, currency: 'PLN' },
    });
    expect(order.status).toBe('ready');
  });

  it('collects the whole total on delivery when the payment is a cash-on-delivery method, and such an order is ready once authorised', () => {
    const order = toRemoteOrder({ ...ORDER, state: 'PaymentAuthorized', payments: [{ method: 'pobranie', state: 'Authorized' }] }, OPTIONS);
    expect(order.delivery?.cod).toEqual({ minor: 13_800, currency: 'PLN' });
    expect(order.status).toBe('ready');
    // An authorised order paid any other way still waits for its money.
    expect(toRemoteOrder({ ...ORDER, state: 'PaymentAuthorized', payments: [{ method: 'przelew', state: 'Authorized' }] }, OPTIONS).status).toBe('on_hold');
  });

  it('reads no custom field the settings do not name, so a shop without them syncs as before', () => {
    expect(orderFields({ pickupPointField: null, pickupPointNameField: null })).not.toContain('customFields');
    expect(orderFields(OPTIONS)).toContain('customFields { paczkomatId paczkomatAddress }');
    expect(
      toRemoteOrder({ ...ORDER, customFields: undefined }, { pickupPointField: null, pickupPointNameField: null, codPaymentMethods: [] }).delivery?.pickupPoint,
    ).toBeNull();
  });
});
