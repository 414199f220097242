/** Teksty błędów stanowiska zwrotów, dołączane do tabeli błędów w pl.ts. */
export const plReturnsErrors = {
  RETURN_SLIP_AT_PACKING: 'To jest zwrot (zamówienie {{order}}), nie zamówienie do spakowania. Zanieś paczkę na stanowisko zwrotów.',
} as const;
