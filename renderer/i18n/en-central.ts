/** Central (issue 13): the error text, spread into the error table of en.ts, and the offline notice. */
export const enCentralErrors = {
  ORDER_NOT_LEASED:
    'Offline: central cannot be reached, so this station packs only the {{count}} order(s) it holds. Order {{order}} is not one of them — put it aside.',
  CENTRAL_NOT_ATTACHED: 'This station is not attached to central.',
  CENTRAL_UNREACHABLE: 'Central cannot be reached. Try again when the station is back online.',
  VIDEO_STATION_OFFLINE: 'This clip is kept at station {{station}}, which is offline now. Play it again once that station is switched on and connected.',
  VIDEO_HASH_MISMATCH:
    'Station {{station}} sent clip {{segment}}, but the file is not the one its journal recorded (the SHA-256 differs). Central refused it: the clip was changed after recording. Tell an administrator.',
} as const;

export const enCentral = {
  offline: 'Offline — central cannot be reached. Packing the {{count}} held order(s) only.',
} as const;
