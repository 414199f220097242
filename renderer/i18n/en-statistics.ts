/** Packer statistics: the error text, spread into the error table of en.ts. */
export const enStatisticsErrors = {
  STATISTICS_UNAVAILABLE: 'This station keeps no packer statistics.',
} as const;
