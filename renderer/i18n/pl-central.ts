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

export const plCentral: Record<keyof typeof enCentral, string> = {
  offline: 'Offline — brak połączenia z centralą. Pakujemy tylko zarezerwowane zamówienia ({{count}}).',
};
