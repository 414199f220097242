import type { Address } from '../domain/order';

/** An address as printed: one paragraph per line, empty parts left out. */
export function addressLines(address: Address, options: { phone?: boolean } = {}): string[] {
  return [
    address.name,
    address.company ?? '',
    address.street,
    `${address.postcode} ${address.city}`.trim(),
    address.country,
    options.phone && address.phone ? `tel. ${address.phone}` : '',
  ].filter((line) => line.trim().length > 0);
}

export function addressText(address: Address, options: { phone?: boolean } = {}): string {
  return addressLines(address, options).join('\n');
}

/** Weights print in kilograms with two decimals, as carriers write them. */
export function kilograms(grams: number): string {
  return `${(grams / 1000).toFixed(2)} kg`;
}
