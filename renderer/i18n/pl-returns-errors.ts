/** Teksty błędów stanowiska zwrotów, dołączane do tabeli błędów w pl.ts (zob. en-returns-errors.ts). */
export const plReturnsErrors = {
  RETURN_SLIP_AT_PACKING: 'To jest zwrot (zamówienie {{order}}), nie zamówienie do spakowania. Zanieś paczkę na stanowisko zwrotów.',
  RETURN_NOT_FOUND: 'Nie ma takiego zwrotu.',
  RETURN_WRONG_STATE: 'Tego zwrotu nie można teraz zmienić: {{state}}.',
  RETURN_NOT_ELIGIBLE: 'Zasady nie pozwalają na ten zwrot. Kierownik może to zatwierdzić, podając powód.',
  RETURN_ITEM_REFUSED: 'Tego produktu nie można przyjąć w tym zwrocie.',
  RETURN_DECISION_INVALID: 'Ta decyzja jest niepełna.',
  NOT_OURS_NOT_FOUND: 'Nie ma takiej paczki.',
  PHOTO_INVALID: 'To nie jest zdjęcie JPEG ani PNG.',
  PHOTO_TOO_LARGE: 'Zdjęcie jest większe niż {{limitMb}} MB.',
} as const;
