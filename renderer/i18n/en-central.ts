/** Central (issue 13): the error text, spread into the error table of en.ts, and the offline notice. */
export const enCentralErrors = {
  ORDER_NOT_LEASED:
    'Offline: central cannot be reached, so this station packs only the {{count}} order(s) it holds. Order {{order}} is not one of them — put it aside.',
  CENTRAL_NOT_ATTACHED: 'This station is not attached to central.',
  CENTRAL_UNREACHABLE: 'Central cannot be reached. Try again when the station is back online.',
} as const;

export const enCentral = {
  offline: 'Offline — central cannot be reached. Packing the {{count}} held order(s) only.',
} as const;
