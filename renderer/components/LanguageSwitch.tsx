import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../src/domain/user';
import { useStationStore } from '../station/stationStore';

/** EN | PL, always visible: a packer who cannot read the screen must be able to fix that first. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useStationStore((s) => s.language);
  const choose = useStationStore((s) => s.chooseLanguage);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={language === lang} title={t(`language.${lang}`)} onClick={() => void choose(lang)}>
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
