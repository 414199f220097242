import type { ReadFrom } from '../../contract/central';
import type { Logger } from '../ports';
import type { Reached } from '../ports/central';
import type { CentralConsoleLink } from '../ports/central-console';

/** How a console read reaches every station: central's signed link when attached, else nothing. */
export interface Across {
  link: CentralConsoleLink | null;
  logger: Logger;
}

export const notAttached: Across = { link: null, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } };

/**
 * A console read across stations: central's answer when the station is attached and central
 * answers (`central`), this station's own otherwise, saying whether that is everything
 * (`station`, not attached) or all it could reach (`station-only`, logged, and the screen says so).
 */
export async function acrossStations<A, T>(
  across: Across,
  what: string,
  ask: (link: CentralConsoleLink) => Promise<Reached<A>>,
  fromCentral: (answer: A) => T | Promise<T>,
  own: () => T | Promise<T>,
): Promise<{ value: T; readFrom: ReadFrom }> {
  if (!across.link) return { value: await own(), readFrom: 'station' };
  const answer = await ask(across.link);
  if (answer.reached) return { value: await fromCentral(answer.value), readFrom: 'central' };
  across.logger.warn('central cannot be reached: the console shows this station only', { what, why: answer.why });
  return { value: await own(), readFrom: 'station-only' };
}
