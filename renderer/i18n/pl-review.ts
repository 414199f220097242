/** Teksty błędów wideo i przeglądu, dołączane do tabeli błędów w pl.ts. */
export const plReviewErrors = {
  VIDEO_SEGMENT_NOT_FOUND: 'Tego nagrania nie ma na tym stanowisku.',
  VIDEO_CHUNK_OUT_OF_ORDER: 'Zaginął fragment nagrania; nagrywanie zaczyna nowy plik.',
  VIDEO_REQUIRED: 'To stanowisko nagrywa każdą paczkę, a ta nie ma nagrania. Napraw kamerę, potem zakończ.',
  NVR_TEMPLATE_INVALID: 'Nie można użyć linku do nagrania z rejestratora: {{reason}}.',
  EVIDENCE_UNAVAILABLE: 'To stanowisko nie pokazuje przeglądu ani nie eksportuje dowodów.',
} as const;

export const plVideo = {
  recording: 'NAGRYWA',
  nvr: 'Kamera rejestratora {{camera}}',
  noCamera: 'BRAK KAMERY — ta paczka nie jest nagrywana. Powiedz kierownikowi.',
  cameraFailed: 'KAMERA PRZESTAŁA DZIAŁAĆ — ta paczka nie jest nagrywana. Powiedz kierownikowi.',
  blocked: 'Pakowanie wstrzymane, dopóki kamera nie działa: to stanowisko musi nagrywać każdą paczkę.',
  retry: 'Spróbuj ponownie włączyć kamerę',
};

export const plReview = {
  title: 'Przegląd zamówienia',
  open: 'Przegląd',
  back: 'Wróć',
  searchLabel: 'Numer zamówienia, numer przesyłki lub numer seryjny',
  search: 'Szukaj',
  notFound: 'Nic nie pasuje do „{{query}}”.',
  matchedBy: { number: 'numer zamówienia', tracking: 'numer przesyłki', serial: 'numer seryjny' },
  entries: 'Wpisy dziennika',
  columns: { time: 'Czas', station: 'Stanowisko', who: 'Kto', type: 'Co', details: 'Szczegóły' },
  noVideo: 'Brak nagrania tego zamówienia.',
  nvrLink: 'Otwórz nagranie w rejestratorze',
  chainIntact: 'Dziennik nienaruszony do punktu kontrolnego podpisanego {{at}}',
  chainUnsigned: 'Dziennik nienaruszony; jeszcze bez podpisanego punktu kontrolnego',
  chainBroken: 'DZIENNIK NARUSZONY: {{message}}',
  evidence: 'Eksportuj pakiet dowodowy',
  exporting: 'Tworzenie pakietu…',
  exported: 'Pakiet gotowy: {{file}}',
  download: 'Pobierz',
};
