import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The chip's mark for an unconfirmed option: a sign, the same in every language (the words are beside it for screen readers). */
const UNCONFIRMED_MARK = '?';

export interface Choice {
  value: string;
  label: string;
  /** Offered but not confirmed by the provider's docs (catalog `unconfirmed`): marked, with the reason. */
  unconfirmed?: boolean;
  title?: string;
}

interface ChoiceFieldProps {
  label: string;
  choices: readonly Choice[];
  value: string;
  onChange(value: string): void;
  /** One line under the choices. */
  help?: string;
  /** Locked: the choices are shown but cannot change (the help says why). */
  disabled?: boolean;
}

/**
 * A segmented choice: native radio buttons (arrow keys move, screen readers announce the group)
 * drawn as chips that wrap. Unconfirmed options carry a "?" and say so in words.
 */
export function ChoiceField({ label, choices, value, onChange, help, disabled = false }: ChoiceFieldProps) {
  const name = useId();
  const { t } = useTranslation('compose');
  return (
    <fieldset className="param" disabled={disabled}>
      <legend className="param-label">{label}</legend>
      <div className="chips">
        {choices.map((c) => (
          <label key={c.value} className="chip" data-checked={c.value === value || undefined} title={c.unconfirmed ? t('params.unconfirmed') : c.title}>
            <input type="radio" name={name} value={c.value} checked={c.value === value} onChange={() => onChange(c.value)} />
            <span>{c.label}</span>
            {c.unconfirmed ? (
              <>
                <span className="chip-unconfirmed" aria-hidden="true">
                  {UNCONFIRMED_MARK}
                </span>
                <span className="visually-hidden">{t('params.unconfirmedShort')}</span>
              </>
            ) : null}
          </label>
        ))}
      </div>
      {help ? <p className="param-help">{help}</p> : null}
    </fieldset>
  );
}
