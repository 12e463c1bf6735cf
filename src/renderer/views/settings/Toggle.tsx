import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface ToggleProps {
  label: string;
  /** One sentence under the label. */
  help: string;
  checked: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}

/**
 * An on/off setting: a native checkbox with the switch role (keyboard and screen readers get it
 * for free), drawn as a switch, with the state also written as "On"/"Off".
 */
export function Toggle({ label, help, checked, disabled, onChange }: ToggleProps) {
  const id = useId();
  const helpId = useId();
  const { t } = useTranslation('common');
  return (
    <div className="toggle">
      <input
        id={id}
        className="toggle-input"
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={helpId}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div className="toggle-text">
        <label htmlFor={id} className="toggle-label">
          {label}
        </label>
        <p id={helpId} className="field-help">
          {help}
        </p>
      </div>
      <span className="toggle-state" aria-hidden="true">
        {checked ? t('on') : t('off')}
      </span>
    </div>
  );
}
