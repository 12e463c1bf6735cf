import { Languages } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from '../../../shared/contract/settings';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { FieldError } from './Feedback';

const LANGUAGES = ['system', 'en', 'zh-CN'] as const satisfies readonly Language[];

/**
 * Language (issue 14, "Languages"): English, Simplified Chinese, or the computer's (the default). It
 * applies at once, is saved in main's settings and is applied before the first render at the next
 * start (`i18n/language.ts`). Each language is named in itself and marked with its `lang`, so a
 * reader of either finds theirs whatever the UI is in now. The radios show main's value, so a refused
 * change stays where it was, with the reason below.
 */
export function LanguageSection({ settings }: { settings: Pick<Settings, 'appearance'> }) {
  const { t } = useTranslation(['settings', 'common']);
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const choose = async (language: Language) => {
    setError(null);
    try {
      await useStudio.getState().settings.update({ appearance: { language } });
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <section className="card" aria-labelledby="language-title" id="settings-language">
      <h2 id="language-title" className="card-title">
        <Languages aria-hidden="true" size={16} />
        {t('language.title')}
      </h2>
      <fieldset className="theme-choice">
        <legend className="field-label">{t('language.legend')}</legend>
        {LANGUAGES.map((language) => (
          <label key={language} className="theme-option" lang={language === 'system' ? undefined : language}>
            <input type="radio" name={name} value={language} checked={settings.appearance.language === language} onChange={() => void choose(language)} />
            {t(`common:language.${language}`)}
          </label>
        ))}
      </fieldset>
      <p className="field-help">{t('language.help')}</p>
      <FieldError message={error} />
    </section>
  );
}
