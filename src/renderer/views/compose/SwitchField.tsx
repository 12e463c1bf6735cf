import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An on/off parameter: a native checkbox with the switch role, drawn as a switch, the state also
 * written as a word. `disabled`: locked, the help says why.
 */
export function SwitchField({ label, checked, onChange, help, disabled = false }: { label: string; checked: boolean; onChange(checked: boolean): void; help?: string; disabled?: boolean }) {
  const id = useId();
  const helpId = useId();
  const { t } = useTranslation('compose');
  return (
    <div className="param param-switch">
      <label htmlFor={id} className="param-label">
        {label}
      </label>
      <span className="switch-state" aria-hidden="true">
        {checked ? t('params.on') : t('params.off')}
      </span>
      <input
        id={id}
        className="switch"
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={help ? helpId : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      {help ? (
        <p id={helpId} className="param-help">
          {help}
        </p>
      ) : null}
    </div>
  );
}
