/** The returns desk's error texts, spread into the error table of en.ts. */
export const enReturnsErrors = {
  RETURN_SLIP_AT_PACKING: 'This is a return (order {{order}}), not an order to pack. Take the parcel to the returns desk.',
} as const;
