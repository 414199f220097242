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
  stationOnly: 'Central cannot be reached: showing this station only',
  across: 'All stations, through central',
  floor: {
    title: 'Central',
    notAttached: 'This station is not attached to central.',
    alarms: 'Replication alarms',
    noAlarms: 'No alarms: every station journal central holds verifies.',
    alarm: '{{station}}, entry {{seq}}: {{fault}} — {{message}} ({{times}}×, last {{at}})',
    parked: 'Shop events central set aside',
    noParked: 'Central holds no parked shop events.',
    counts: 'At central: {{queued}} waiting, {{parked}} set aside, {{sent}} delivered.',
    requeue: 'Send again',
    requeued: 'Event {{id}} is queued again at central.',
    notRequeued: 'Event {{id}} is no longer set aside.',
    columns: { station: 'Station', order: 'Order', type: 'Event', attempts: 'Attempts', error: 'Why', action: 'Action' },
    faults: {
      gap: 'entries missing',
      fork: 'a different copy of an entry',
      rewritten: 'an entry rewritten',
      'broken-chain': 'the chain broken',
      'forged-checkpoint': 'a forged checkpoint',
      'foreign-key': 'a foreign key',
      malformed: 'not an entry',
    },
  },
  shiftFloor: {
    title: 'Every station (central)',
    lastEntry: 'Last: {{what}} at {{at}}',
    nothing: 'Nothing recorded yet',
    people: 'People this shift: {{names}}',
    nobody: 'Nobody this shift',
  },
} as const;
