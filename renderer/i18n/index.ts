import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../src/domain/user';
import { en } from './en';
import { pl } from './pl';

export const resources = { en: { translation: en }, pl: { translation: pl } };

/** Starts i18next in the given language; strings come from the bundled resources, so this is synchronous. */
export function startI18n(language: Language = 'en'): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18next;
}

export function setLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
