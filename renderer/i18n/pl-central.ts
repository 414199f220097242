import type { enCentral, enCentralErrors } from './en-central';

/** Centrala (issue 13): teksty błędów i komunikat o pracy offline. */
export const plCentralErrors: Record<keyof typeof enCentralErrors, string> = {
  ORDER_NOT_LEASED:
    'Offline: brak połączenia z centralą, więc to stanowisko pakuje tylko zarezerwowane dla niego zamówienia ({{count}}). Zamówienia {{order}} wśród nich nie ma — odłóż je.',
  CENTRAL_NOT_ATTACHED: 'To stanowisko nie jest podłączone do centrali.',
  CENTRAL_UNREACHABLE: 'Brak połączenia z centralą. Spróbuj ponownie, gdy stanowisko znów będzie online.',
  VIDEO_STATION_OFFLINE:
    'To nagranie jest przechowywane na stanowisku {{station}}, które jest teraz offline. Odtwórz je ponownie, gdy to stanowisko zostanie włączone i połączone.',
  VIDEO_HASH_MISMATCH:
    'Stanowisko {{station}} przesłało nagranie {{segment}}, ale plik nie jest tym, który zapisano w jego dzienniku (inna suma SHA-256). Centrala go odrzuciła: nagranie zmieniono po zapisie. Powiadom administratora.',
};

type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

export const plCentral: Words<typeof enCentral> = {
  offline: 'Offline — brak połączenia z centralą. Pakujemy tylko zarezerwowane zamówienia ({{count}}).',
  stationOnly: 'Brak połączenia z centralą: widać tylko to stanowisko',
  across: 'Wszystkie stanowiska, przez centralę',
  floor: {
    title: 'Centrala',
    notAttached: 'To stanowisko nie jest podłączone do centrali.',
    alarms: 'Alarmy replikacji',
    noAlarms: 'Brak alarmów: każdy dziennik stanowiska w centrali jest nienaruszony.',
    alarm: '{{station}}, wpis {{seq}}: {{fault}} — {{message}} ({{times}}×, ostatnio {{at}})',
    parked: 'Zdarzenia sklepu odłożone w centrali',
    noParked: 'Centrala nie ma odłożonych zdarzeń sklepu.',
    counts: 'W centrali: {{queued}} czeka, {{parked}} odłożonych, {{sent}} doręczonych.',
    requeue: 'Wyślij ponownie',
    requeued: 'Zdarzenie {{id}} znów czeka w centrali na wysyłkę.',
    notRequeued: 'Zdarzenie {{id}} nie jest już odłożone.',
    columns: { station: 'Stanowisko', order: 'Zamówienie', type: 'Zdarzenie', attempts: 'Próby', error: 'Powód', action: 'Działanie' },
    faults: {
      gap: 'brak wpisów',
      fork: 'inna kopia wpisu',
      rewritten: 'przepisany wpis',
      'broken-chain': 'przerwany łańcuch',
      'forged-checkpoint': 'podrobiony punkt kontrolny',
      'foreign-key': 'obcy klucz',
      malformed: 'to nie jest wpis',
    },
  },
  shiftFloor: {
    title: 'Wszystkie stanowiska (centrala)',
    lastEntry: 'Ostatnio: {{what}} o {{at}}',
    nothing: 'Nic jeszcze nie zapisano',
    people: 'Osoby na tej zmianie: {{names}}',
    nobody: 'Nikogo na tej zmianie',
  },
};
