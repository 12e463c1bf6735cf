import { useId } from 'react';
import { FieldError } from './Feedback';

/** Props of `SecondsField`: `value` is the text as typed; `min`/`max` are seconds. */
export interface SecondsFieldProps {
  label: string;
  value: string;
  min: number;
  max: number;
  /** Shown under the field and linked to it with `aria-describedby`; null when the value is fine. */
  error: string | null;
  onChange: (text: string) => void;
}

/** A narrow labelled number field for a duration in seconds (decimals allowed) with its own error line. */
export function SecondsField({ label, value, min, max, error, onChange }: SecondsFieldProps) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="field field-narrow">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step="any"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
