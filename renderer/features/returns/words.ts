import type { TFunction } from 'i18next';
import type { StationError } from '../../../src/contract/errors';
import { sentence, sentenceTemplate, type SentenceKey } from '../../../src/domain/returns';
import type { Language } from '../../../src/domain/user';
import { errorText } from '../../i18n/error-text';

type Params = Record<string, string | number>;

/** A rule's verdict in the screen's language; an unknown key (a newer core) says nothing rather than a placeholder. */
export function sentenceText(key: string, params: Params, language: Language): string | null {
  if (sentenceTemplate(key as SentenceKey, language) === undefined) return null;
  return sentence(key as SentenceKey, params, language);
}

/**
 * What a refusal says: a rule's refusal carries its sentence (params.sentence) and is said in
 * those words; a decision refused for want of video names the return; any other error by its code.
 */
export function returnsErrorText(t: TFunction, error: StationError, language: Language): string {
  const params = (error.params ?? {}) as Params;
  // The block policy refusing a decision: said of the return, not of a parcel being packed.
  if (error.code === 'VIDEO_REQUIRED' && typeof params.return === 'string') return t('returns.videoRequired', { number: params.return });
  if (typeof params.sentence === 'string') {
    const said = sentenceText(params.sentence, params, language);
    if (said) return said;
  }
  return errorText(t, error);
}
