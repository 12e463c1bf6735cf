import { Palette } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, Theme } from '../../../shared/contract/settings';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { FieldError } from './Feedback';

const THEMES = ['system', 'light', 'dark'] as const satisfies readonly Theme[];
const THEME_LABEL = { system: 'appearance.themeSystem', light: 'appearance.themeLight', dark: 'appearance.themeDark' } as const;

/**
 * Appearance: the theme — light, dark, or the system's (the default). It applies at once, is saved
 * in main's settings, and is applied before the first paint at the next start (`theme-boot.js`).
 * The radios show main's value, so a refused change stays where it was, with the reason below.
 */
export function AppearanceSection({ settings }: { settings: Pick<Settings, 'appearance'> }) {
  const { t } = useTranslation('settings');
  const [error, setError] = useState<string | null>(null);
  const themeName = useId();
  const update = async (appearance: { theme: Theme }) => {
    setError(null);
    try {
      await useStudio.getState().settings.update({ appearance });
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <section className="card" aria-labelledby="appearance-title" id="settings-appearance">
      <h2 id="appearance-title" className="card-title">
        <Palette aria-hidden="true" size={16} />
        {t('appearance.title')}
      </h2>
      <fieldset className="theme-choice">
        <legend className="field-label">{t('appearance.theme')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="theme-option">
            <input type="radio" name={themeName} value={theme} checked={settings.appearance.theme === theme} onChange={() => void update({ theme })} />
            {t(THEME_LABEL[theme])}
          </label>
        ))}
      </fieldset>
      <p className="field-help">{t('appearance.themeHelp')}</p>
      <FieldError message={error} />
    </section>
  );
}
