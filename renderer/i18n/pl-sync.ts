import type { enSync, enSyncErrors } from './en-sync';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

/** Teksty błędów synchronizacji, dołączane do tabeli błędów w pl.ts. */
export const plSyncErrors: Texts<typeof enSyncErrors> = {
  SYNC_NOT_CONFIGURED: 'Sklep nie jest podłączony. Kierownik może go ustawić w Ustawieniach → Synchronizacja ze sklepem.',
  SYNC_UNREACHABLE: 'Brak połączenia ze sklepem. Pakowanie trwa dalej; stanowisko wyśle wszystko, gdy sklep wróci.',
  SYNC_AUTH_FAILED: 'Sklep odrzucił logowanie lub token. Kierownik musi sprawdzić ustawienia synchronizacji.',
  SYNC_REFUSED: 'Sklep odrzucił żądanie.',
  SYNC_RATE_LIMITED: 'Sklep prosi o wolniejsze zapytania. Stanowisko spróbuje za chwilę.',
  SYNC_EVENT_NOT_PARKED: 'To zdarzenie nie czeka już na decyzję.',
  SYNC_PATH_NOT_ALLOWED:
    'Pliki sklepu muszą leżeć w folderze dozwolonym na tym stanowisku: {{folders}}. Administrator dodaje foldery bezpośrednio na stanowisku.',
  SYNC_INSECURE_URL:
    'Adres sklepu {{url}} to zwykłe http do innego komputera: hasło lub token szłyby niezaszyfrowane. Użyj https albo zezwól na zwykłe http dla tego sklepu.',
};

export const plSync: Texts<typeof enSync> = {
  title: 'Synchronizacja ze sklepem',
  backend: 'System sklepu',
  kinds: { none: 'Brak', vendure: 'Vendure', baselinker: 'BaseLinker', file: 'Import z pliku (CSV/JSON)' },
  url: 'Adres',
  username: 'Nazwa użytkownika',
  secret: 'Token lub hasło',
  secretKept: 'Sekret jest zapisany (zaszyfrowany). Zostaw puste, aby go zachować.',
  secretNeeded: 'Dla tego adresu nie ma zapisanego hasła ani tokenu. Wpisz je przed synchronizacją.',
  secretDropped: 'Adres lub system sklepu się zmienił, więc zapisane hasło lub token zostały usunięte. Wpisz je ponownie.',
  allowInsecureHttp: 'Zezwól na wysyłanie hasła zwykłym http (bez szyfrowania)',
  insecureHttp: 'UWAGA: hasło lub token idą do sklepu zwykłym http, bez szyfrowania. Każdy w sieci po drodze może je odczytać. Użyj https.',
  barcodeField: 'Pole własne z kodem kreskowym',
  pickupPointField: 'Pole własne zamówienia z identyfikatorem paczkomatu lub punktu',
  pickupPointNameField: 'Pole własne zamówienia z jego nazwą i adresem',
  codPaymentMethods: 'Metody płatności za pobraniem (kody)',
  channelToken: 'Token kanału',
  courierCode: 'Kod kuriera',
  statusReady: 'Id statusów: do spakowania',
  statusOnHold: 'Id statusów: wstrzymane',
  statusCancelled: 'Id statusów: anulowane',
  statusShipped: 'Id statusu: wysłane',
  ordersFile: 'Plik zamówień',
  productsFile: 'Plik produktów',
  exportFile: 'Eksport wysłanych zamówień do',
  save: 'Zapisz',
  saved: 'Zapisano',
  test: 'Sprawdź połączenie',
  testOk: 'Połączono z {{shop}}',
  syncNow: 'Synchronizuj teraz',
  running: 'Synchronizacja…',
  progress: { products: 'Produkty', orders: 'Zamówienia', changes: 'Zmiany w zamówieniach', outbox: 'Wysyłanie do sklepu' },
  lastRun: 'Ostatnia synchronizacja',
  never: 'nigdy',
  fromCentral:
    'To stanowisko jest podłączone do centrali: zamówienia przychodzą z centrali, która rozmawia ze sklepem za cały magazyn. Poniższe ustawienia sklepu nie służą do pobierania zamówień.',
  fromCentralShop: 'Centrala pobiera zamówienia z: {{shop}}',
  fromCentralNoShop: 'Centrala nie ma jeszcze ustawionego sklepu (packdesk central --shop), więc nowe zamówienia nie przychodzą.',
  centralLastPull: 'Centrala ostatnio połączyła się ze sklepem',
  centralShopError: 'Centrala nie może połączyć się ze sklepem; to stanowisko dalej pakuje zamówienia, które ma',
  lastError: 'Ostatni błąd',
  queued: 'Czeka na wysłanie',
  parked: 'Odrzucone przez sklep',
  parkedNone: 'Nic nie czeka na decyzję.',
  retry: 'Ponów',
  dismiss: 'Odrzuć',
  flagged: 'Zamówienia do sprawdzenia',
  /** Why the sync set an order aside (SyncFlagReason). */
  flagReasons: {
    cancelled_after_packing: 'Sklep anulował to zamówienie po spakowaniu: zatrzymaj paczkę albo przygotuj zwrot.',
    shipped_elsewhere: 'Sklep podaje, że zamówienie zostało już wysłane, ale to stanowisko go nie spakowało.',
    lines_changed_while_packing: 'Sklep zmienił pozycje zamówienia w trakcie pakowania.',
    details_changed_after_packing: 'Sklep zmienił adres lub sposób wysyłki po spakowaniu: sprawdź etykietę paczki.',
  },
  summary: '{{orders}} nowych zamówień, {{changed}} zmienionych, {{pushed}} wysłanych',
};
