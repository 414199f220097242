/** Packer statistics: the error text, spread into the error table of pl.ts. */
export const plStatisticsErrors = {
  STATISTICS_UNAVAILABLE: 'To stanowisko nie prowadzi statystyk pakowaczy.',
} as const;
