import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wholeNumberIn } from '../../components/whole-number';

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  unit?: string;
  onChange(value: number): void;
}

/**
 * A whole number within [min, max]. Typing is free; a value out of range or not a whole number is
 * shown as an error and not applied, so the draft only ever holds valid numbers.
 */
export function NumberField({ label, value, min, max, unit, onChange }: NumberFieldProps) {
  const id = useId();
  const helpId = useId();
  const { t } = useTranslation('compose');
  const [text, setText] = useState(String(value));
  // A new value from outside (model switch, another draft) replaces what is typed (React's
  // "adjusting state when a prop changes" pattern, without an effect).
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  const valid = wholeNumberIn(text, min, max) !== null;
  return (
    <div className="param">
      <label htmlFor={id} className="param-label">
        {label}
      </label>
      <div className="number-row">
        <input
          id={id}
          className="param-input"
          inputMode="numeric"
          value={text}
          aria-invalid={valid ? undefined : true}
          aria-describedby={helpId}
          onChange={(e) => {
            setText(e.target.value);
            const next = wholeNumberIn(e.target.value, min, max);
            if (next !== null) onChange(next);
          }}
          onBlur={() => setText(String(value))}
        />
        {unit ? <span className="param-unit">{unit}</span> : null}
      </div>
      <p id={helpId} className="param-help" data-tone={valid ? undefined : 'error'}>
        {valid ? (unit ? t('params.rangeUnit', { min, max, unit }) : t('params.range', { min, max })) : t('params.wholeNumber', { min, max })}
      </p>
    </div>
  );
}
