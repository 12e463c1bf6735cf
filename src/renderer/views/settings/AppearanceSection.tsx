import { Palette } from 'lucide-react';
import { useId, useState } from 'react';
import type { Settings, Theme } from '../../../shared/contract/settings';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { FieldError } from './Feedback';

const CHOICES: Array<{ value: Theme; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * Appearance: the theme — light, dark, or the system's (the default). It applies at once, is saved
 * in main's settings, and is applied before the first paint at the next start (`theme-boot.js`).
 * The radios show main's value, so a refused change stays where it was, with the reason below.
 */
export function AppearanceSection({ settings }: { settings: Pick<Settings, 'appearance'> }) {
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const choose = async (theme: Theme) => {
    setError(null);
    try {
      await useStudio.getState().settings.update({ appearance: { theme } });
    } catch (err) {
      setError(describeError(err));
    }
  };
  return (
    <section className="card" aria-labelledby="appearance-title" id="settings-appearance">
      <h2 id="appearance-title" className="card-title">
        <Palette aria-hidden="true" size={16} />
        Appearance
      </h2>
      <fieldset className="theme-choice">
        <legend className="field-label">Theme</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="theme-option">
            <input type="radio" name={name} value={c.value} checked={settings.appearance.theme === c.value} onChange={() => void choose(c.value)} />
            {c.label}
          </label>
        ))}
      </fieldset>
      <p className="field-help">System follows your computer’s light or dark setting.</p>
      <FieldError message={error} />
    </section>
  );
}
