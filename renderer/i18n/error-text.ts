import type { TFunction } from 'i18next';
import type { StationError } from '../../src/contract/errors';

/** The sentence a packer reads for an error: chosen by code, filled in from its params. */
export function errorText(t: TFunction, error: StationError): string {
  const params = error.params ?? {};
  if (error.code === 'PIN_WRONG' && params.seconds !== undefined) return t('errors.PIN_WRONG_wait', params);
  if (error.code === 'INTERNAL' && params.reason === 'unreachable') return t('errors.UNREACHABLE');
  return t(`errors.${error.code}`, params);
}
